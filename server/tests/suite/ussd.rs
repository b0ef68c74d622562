//! The USSD channel through the real router on both databases: the gateway's token, every menu path in both
//! languages with every screen at most 182 characters, the PIN set on the website, wrong PINs throttled, repeated
//! and out-of-order posts, the 180-second limit, and a renewal paid end to end through the M-Pesa sandbox with
//! its slip's code sent by SMS and checked by USSD.

use axum::body::Body;
use axum::http::Request;

use crate::common;

use common::browser::{encode, errors, last_message, register_citizen, register_person, Browser, EMAIL, PHONE};
use common::people::PASSWORD;

const TOKEN: &str = "ussd-test-token-0123456789abcdef0123456789";
/// The gateway writes the caller's number in E.164.
const CALLER: &str = "+254712345678";
const PIN: &str = "2580";

/// One post of the gateway (`text`: the answers so far); the screen, checked to fit a phone.
async fn dial(app: &common::TestApp, session: &str, phone: &str, text: &str) -> String {
    let body = format!(
        "sessionId={}&serviceCode={}&phoneNumber={}&text={}",
        encode(session),
        encode("*384*87242#"),
        encode(phone),
        encode(text)
    );
    let request = Request::post(format!("/ussd/{TOKEN}"))
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status, 200, "{text}: {}", response.body);
    assert!(response.header("content-type").starts_with("text/plain"));
    fits(&response.body);
    response.body
}

/// A screen the gateway can show: `CON ` or `END `, at most 182 characters.
fn fits(screen: &str) {
    assert!(screen.starts_with("CON ") || screen.starts_with("END "), "{screen}");
    assert!(
        screen.chars().count() <= 182,
        "{} characters: {screen}",
        screen.chars().count()
    );
}

/// Each answer in turn, as a caller types them, in one new session; the last screen.
async fn session(app: &common::TestApp, name: &str, phone: &str, answers: &[&str]) -> String {
    let mut screen = dial(app, name, phone, "").await;
    for n in 1..=answers.len() {
        screen = dial(app, name, phone, &answers[..n].join("*")).await;
    }
    screen
}

async fn set_pin(browser: &mut Browser<'_>, pin: &str) {
    let form = [("pin", pin), ("confirm_pin", pin), ("pin_password", PASSWORD)];
    let (at, page) = browser.follow("/api/ussd/pin", &form).await;
    assert_eq!(at, "/en/account/ussd");
    assert!(page.body.contains("Your USSD PIN is set"), "{}", page.body);
}

on_both_engines!(
    only_the_gateway_with_its_token_is_answered,
    |settings| {
        settings.ussd.token = TOKEN.into();
    },
    |app| {
        assert!(dial(&app, "s1", CALLER, "")
            .await
            .starts_with("CON Uraia (NTSA)\n1 English\n2 Kiswahili"));
        let wrong = Request::post("/ussd/not-the-token")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("sessionId=s2&phoneNumber=%2B254712345678&text="))
            .unwrap();
        assert_eq!(app.send(wrong).await.status, 404);
        let unreadable = Request::post(format!("/ussd/{TOKEN}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("phoneNumber=%2B254712345678"))
            .unwrap();
        assert_eq!(app.send(unreadable).await.status, 400);
    }
);

on_both_engines!(without_a_token_there_is_no_ussd_address, |app| {
    let request = Request::post("/ussd/anything")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("sessionId=s&phoneNumber=%2B254712345678&text="))
        .unwrap();
    assert_eq!(app.send(request).await.status, 404);
});

on_both_engines!(
    the_pin_is_set_on_the_website_with_the_password_and_bad_pins_are_explained,
    |settings| {
        settings.ussd.token = TOKEN.into();
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let account = browser.get("/en/account").await.body;
        assert!(account.contains("href=\"/en/account/ussd\""), "{account}");
        let page = browser.get("/sw/account/ussd").await.body;
        assert!(page.contains("Hujaweka PIN") && page.contains("0712 345 678"), "{page}");
        // Back to English (the language is remembered from the last page).
        browser.get("/en/account/ussd").await;

        for (pin, confirm, password, expected) in [
            ("", "", PASSWORD, "Enter a PIN of 4 digits"),
            ("25a0", "25a0", PASSWORD, "Enter exactly 4 digits, like 2580"),
            (
                "1234",
                "1234",
                PASSWORD,
                "Choose a PIN that is not 4 of the same digit or 4 digits in a row, like 1111 or 1234",
            ),
            (
                "2580",
                "2581",
                PASSWORD,
                "The two PINs are not the same. Type your new PIN in both boxes",
            ),
            (
                "2580",
                "2580",
                "not my password",
                "The password is not right. Enter your current password",
            ),
        ] {
            let form = [("pin", pin), ("confirm_pin", confirm), ("pin_password", password)];
            let (at, page) = browser.follow("/api/ussd/pin", &form).await;
            assert_eq!(at, "/en/account/ussd", "{expected}");
            let said = errors(&page.body);
            assert!(said.iter().any(|e| e.starts_with(expected)), "{expected}: {said:?}");
            // A PIN is never typed back into the page.
            assert!(!page.body.contains("value=\"2580\""));
        }
        assert_eq!(common::browser::count(&app, "SELECT COUNT(*) FROM ussd_pins").await, 0);

        set_pin(&mut browser, PIN).await;
        let told = last_message(&app, CALLER).await;
        assert!(told.contains("a USSD PIN was set"), "{told}");
        // Stored as argon2 of a keyed hash: neither the PIN nor its plain argon2 hash.
        let hash: String = sqlx::query_scalar("SELECT pin_hash FROM ussd_pins")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        assert!(hash.starts_with("$argon2id$") && !hash.contains(PIN), "{hash}");
        assert!(!app.state.passwords.verify(Some(&hash), PIN).await.unwrap());
        let page = browser.get("/en/account/ussd").await.body;
        assert!(
            page.contains("You set your PIN on") && page.contains("Change PIN"),
            "{page}"
        );

        // Removed: the personal items ask for a PIN on the website again.
        let (_, page) = browser.follow("/api/ussd/pin/remove", &[]).await;
        assert!(page.body.contains("Your USSD PIN is removed"), "{}", page.body);
        let screen = session(&app, "after-removal", CALLER, &["1", "1"]).await;
        assert!(
            screen.starts_with("END Set a USSD PIN first") && screen.contains("/en/account/ussd"),
            "{screen}"
        );
    }
);

on_both_engines!(
    each_menu_path_answers_in_both_languages,
    |settings| {
        settings.ussd.token = TOKEN.into();
        settings.test_mode = true;
    },
    |app| {
        // A number that is no account's: the menu, then a short explanation and the address for each personal item.
        let screen = session(&app, "u1", "+254722999991", &["1"]).await;
        assert!(
            screen.contains("1 My driving licence\n2 Renew my driving licence\n3 Check a slip\n4 My applications"),
            "{screen}"
        );
        for item in ["1", "2", "4"] {
            let screen = session(&app, &format!("u-{item}"), "+254722999991", &["1", item]).await;
            assert!(
                screen.starts_with("END This number is not the verified phone") && screen.contains("http"),
                "{screen}"
            );
        }
        let screen = session(&app, "u-sw", "+254722999991", &["2", "4"]).await;
        assert!(
            screen.starts_with("END Nambari hii si simu iliyothibitishwa"),
            "{screen}"
        );

        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        set_pin(&mut browser, PIN).await;

        // 1: the licence, in English and Kiswahili.
        let screen = session(&app, "l-en", CALLER, &["1", "1", PIN]).await;
        assert_eq!(
            screen,
            "END Driving licence, classes B, C1\nValid until 30 June 2027\nValid"
        );
        let screen = session(&app, "l-sw", CALLER, &["2", "1", PIN]).await;
        assert_eq!(
            screen,
            "END Leseni ya udereva, madaraja B, C1\nHalali hadi 30 Juni 2027\nHalali"
        );

        // 4: no applications yet.
        let screen = session(&app, "a-en", CALLER, &["1", "4", PIN]).await;
        assert_eq!(screen, "END You have sent no applications yet.");

        // 3: a code that is no slip's (no PIN needed: it shows what the public check shows).
        let screen = session(&app, "c-en", CALLER, &["1", "3", "7KQ2M9XD4TNB"]).await;
        assert!(
            screen.starts_with("END Not found: No document has this code."),
            "{screen}"
        );
        let screen = session(&app, "c-sw", "+254722999991", &["2", "3", "abc"]).await;
        assert!(
            screen.starts_with("END Andika msimbo wenye herufi na tarakimu 12"),
            "{screen}"
        );

        // A choice that is not on the screen asks again; the session goes on from there.
        let screen = session(&app, "again", CALLER, &["1", "9"]).await;
        assert!(
            screen.starts_with("CON Reply with a number from 1 to 4.\nUraia (NTSA)\n1 My driving licence"),
            "{screen}"
        );
        let screen = dial(&app, "again", CALLER, "1*9*1").await;
        assert_eq!(screen, "CON Enter your Uraia USSD PIN:");
        let screen = session(&app, "lang-again", CALLER, &["7"]).await;
        assert!(screen.starts_with("CON Uraia (NTSA)\n1 English"), "{screen}");

        // A repeated post gets the same screen; a post that skips an answer, or comes from another number, ends it.
        assert_eq!(
            dial(&app, "again", CALLER, "1*9*1").await,
            screen_of(&app, "again").await
        );
        let skipped = dial(&app, "again", CALLER, "1*9*1*2580*4*4").await;
        assert!(
            skipped.starts_with("END This session has ended. Dial *384*87242# again."),
            "{skipped}"
        );
        let other = dial(&app, "again", "+254722999991", "1*9*1*2580").await;
        assert!(other.starts_with("END This session has ended"), "{other}");

        // A session lasts 180 seconds.
        dial(&app, "slow", CALLER, "").await;
        dial(&app, "slow", CALLER, "2").await;
        assert!(app.state.clock.advance(181));
        let late = dial(&app, "slow", CALLER, "2*1").await;
        assert!(
            late.starts_with("END Dakika zako 3 za huduma hii zimekwisha. Piga *384*87242# tena."),
            "{late}"
        );
    }
);

/// The screen a session last sent.
async fn screen_of(app: &common::TestApp, session: &str) -> String {
    sqlx::query_scalar("SELECT last_reply FROM ussd_sessions WHERE session_id = $1")
        .bind(session)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

on_both_engines!(
    wrong_pins_are_throttled_and_a_locked_pin_is_not_even_tried,
    |settings| {
        settings.ussd.token = TOKEN.into();
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_person(
            &mut browser,
            ("7974916", "Rehema", "1983"),
            "rehema@example.com",
            "0722 000 002",
        )
        .await;
        set_pin(&mut browser, "7302").await;
        let rehema = "+254722000002";

        dial(&app, "w", rehema, "").await;
        dial(&app, "w", rehema, "1").await;
        assert_eq!(dial(&app, "w", rehema, "1*1").await, "CON Enter your Uraia USSD PIN:");
        let mut text = "1*1".to_string();
        for wrong in ["1111", "2222", "3333"] {
            text = format!("{text}*{wrong}");
            assert_eq!(
                dial(&app, "w", rehema, &text).await,
                "CON That PIN is wrong. Enter your Uraia USSD PIN again:"
            );
        }
        // The third wrong PIN locked it, and the owner is told (once); the right one is not even checked now.
        let told = common::browser::messages_to(&app, rehema).await;
        let warned = told.iter().filter(|m| m.contains("wrong USSD PIN 3 times")).count();
        assert_eq!(warned, 1, "{told:?}");
        let tried = app.state.passwords.verifications();
        let locked = dial(&app, "w", rehema, &format!("{text}*7302")).await;
        assert_eq!(
            locked,
            "END You entered a wrong PIN too many times. Wait a minute, then dial again."
        );
        assert_eq!(app.state.passwords.verifications(), tried);
        // Nor in a new session, in Kiswahili.
        let screen = session(&app, "w2", rehema, &["2", "1", "7302"]).await;
        assert!(
            screen.starts_with("END Umeandika PIN isiyo sahihi mara nyingi mno."),
            "{screen}"
        );

        // After the wait the right PIN opens the licence, and clears the count.
        assert!(app.state.clock.advance(31));
        let screen = session(&app, "w3", rehema, &["1", "1", "7302"]).await;
        assert!(screen.starts_with("END Driving licence, classes"), "{screen}");
        let left: i64 = common::browser::count(
            &app,
            "SELECT COUNT(*) FROM sign_in_throttles WHERE throttle_key LIKE 'ussd-pin:%'",
        )
        .await;
        assert_eq!(left, 0);
    }
);

served_on_both_engines!(a_renewal_is_paid_end_to_end_through_the_m_pesa_sandbox, |app| {
    use app::ussd::service::{answer, Post};
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    set_pin(&mut browser, PIN).await;
    let say = |text: &'static str| {
        let state = app.state.clone();
        async move {
            let post = Post {
                session_id: "renewal",
                service_code: "*384*87242#",
                phone: CALLER,
                text,
            };
            let screen = answer(&state, &post).await.unwrap();
            fits(&screen);
            screen
        }
    };
    say("").await;
    say("1").await;
    say("1*2").await;
    let periods = say("1*2*2580").await;
    assert_eq!(
        periods,
        "CON Your licence is valid until 30 June 2027. Renew for:\n1 1 year: KES 620\n2 3 years: KES 1,450"
    );
    let confirm = say("1*2*2580*1").await;
    assert_eq!(
        confirm,
        "CON Renew for 1 year: KES 620\nAn M-Pesa request will come to 0712 345 678.\n1 Pay\n2 Cancel"
    );
    let sent = say("1*2*2580*1*1").await;
    assert!(
        sent.starts_with("END Application UR") && sent.contains("KES 620 on this phone"),
        "{sent}"
    );
    // The same post again (a gateway's retry) sends no second request.
    assert_eq!(say("1*2*2580*1*1").await, sent);
    assert_eq!(
        common::payments::count(
            &app,
            "SELECT COUNT(*) FROM mpesa_requests WHERE phone = $1",
            "254712345678"
        )
        .await,
        1
    );

    // The sandbox pays (the phone's last digit, 8), its callback settles it; the SMS carries the slip's code.
    let told = common::payments::wait_for(|| async {
        let body = last_message(&app, CALLER).await;
        if body.contains("slip's code") {
            body
        } else {
            String::new()
        }
    })
    .await;
    let code: String = told
        .split("slip's code is ")
        .nth(1)
        .unwrap()
        .chars()
        .take(14)
        .filter(|c| *c != '-')
        .collect();
    assert_eq!(code.len(), 12, "{told}");
    let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE service = 'dl-renewal'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(status, "completed");

    // Anyone checks the slip by USSD, and the applicant sees it completed.
    let check = |text: String| {
        let state = app.state.clone();
        async move {
            let post = Post {
                session_id: "check",
                service_code: "*384*87242#",
                phone: "+254722999991",
                text: &text,
            };
            answer(&state, &post).await.unwrap()
        }
    };
    check(String::new()).await;
    check("1".into()).await;
    check("1*3".into()).await;
    let checked = check(format!("1*3*{code}")).await;
    fits(&checked);
    assert!(
        checked.starts_with("END Genuine: Uraia issued this document"),
        "{checked}"
    );
    assert!(
        checked.contains("Driving licence renewal slip") && checked.contains("W"),
        "{checked}"
    );
    assert!(!checked.contains("Wanjiku"), "the holder's name is masked: {checked}");
    let mine = Post {
        session_id: "mine",
        service_code: "*384*87242#",
        phone: CALLER,
        text: "",
    };
    answer(&app.state, &mine).await.unwrap();
    for text in ["1", "1*4"] {
        answer(&app.state, &Post { text, ..mine.clone() }).await.unwrap();
    }
    let list = answer(
        &app.state,
        &Post {
            text: "1*4*2580",
            ..mine.clone()
        },
    )
    .await
    .unwrap();
    assert!(
        list.starts_with("END Your latest applications:\nUR") && list.ends_with(" Completed"),
        "{list}"
    );
});

on_both_engines!(
    unknown_slip_codes_from_one_phone_are_rationed,
    |settings| {
        settings.ussd.token = TOKEN.into();
    },
    |app| {
        let guesser = "+254733000001";
        for n in 0..10 {
            let screen = session(&app, &format!("g{n}"), guesser, &["1", "3", "7KQ2M9XD4TNB"]).await;
            assert!(screen.starts_with("END Not found"), "{n}: {screen}");
        }
        let screen = session(&app, "g10", guesser, &["1", "3", "7KQ2M9XD4TNB"]).await;
        assert!(
            screen.starts_with("END You checked 10 codes that were not found"),
            "{screen}"
        );
        // Another phone is not held back.
        let screen = session(&app, "other", CALLER, &["2", "3", "7KQ2M9XD4TNB"]).await;
        assert!(screen.starts_with("END Haikupatikana"), "{screen}");
    }
);
