//! Transfer of ownership through the real router, on both databases: the seller's steps and their messages (a
//! vehicle not theirs is a 404, a file that is not a PDF or image is refused), payment making the offer and telling
//! the buyer, only the named buyer seeing and answering it, acceptance with a code changing the register and
//! issuing a slip to each, a decline, and a lapsed offer that can no longer be accepted.

use crate::common;

use app::services::transfer::db::Owner::Person;
use common::{
    browser::{code_in, count, errors, last_message, main, messages_to, register_person, Browser},
    transfer::{id_in, note_caveat, pay, submitted, LUCY, LUCY_PHONE, PDF, REHEMA, REHEMA_PHONE, WANJIKU},
};

/// The seller offers KCM 753W to Rehema and pays; returns the application's id.
async fn offer(seller: &mut Browser<'_>, receipt: &str) -> String {
    let id = submitted(seller, "KCM 753W", REHEMA).await;
    pay(seller, &id, receipt, 1710).await;
    id
}

async fn owner_of(app: &common::TestApp, plate: &str) -> String {
    sqlx::query_scalar("SELECT owner_id_number FROM vehicles WHERE plate = $1")
        .bind(plate)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

async fn status_of(app: &common::TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT status FROM applications WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

on_both_engines!(the_named_buyer_accepts_and_the_register_changes, |app| {
    let mut lucy = Browser::new(&app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;
    let mut rehema = Browser::new(&app);
    register_person(&mut rehema, REHEMA, "rehema@example.com", "0722 000 002").await;
    let mut wanjiku = Browser::new(&app);
    register_person(&mut wanjiku, WANJIKU, "wanjiku@example.com", "0733 000 003").await;

    // The seller's steps and their messages, with what was typed kept.
    let (at, page) = lucy.follow("/api/applications/start", &[("service", "transfer")]).await;
    assert!(at.ends_with("/vehicle"), "{at}");
    let html = main(&page.body);
    assert!(html.contains("KCM 753W") && html.contains("KAZ 388M"), "{html}");
    let id = id_in(&at);
    let (_, page) = lucy
        .follow("/api/transfer/vehicle", &[("id", &id), ("plate", "")])
        .await;
    assert_eq!(errors(&page.body), ["Select the vehicle you are selling"]);
    // Every engine size has its published band: the list says the size, and nothing is refused for it.
    assert!(html.contains("1500 cc") && html.contains("990 cc"), "{html}");
    // Wanjiku's car cannot be offered by Lucy: the same 404 as a plate that does not exist.
    let (_, page) = lucy
        .follow("/api/transfer/vehicle", &[("id", &id), ("plate", "KDA 123A")])
        .await;
    assert_eq!(page.status, 404);
    lucy.follow("/api/transfer/vehicle", &[("id", &id), ("plate", "kcm753w")])
        .await;

    let upload = |bytes: &'static [u8], name: &'static str| {
        let path = format!("/api/transfer/logbook?id={id}");
        (path, bytes, name)
    };
    for (bytes, name, message) in [
        (
            b"Logbook of KCM 753W".as_slice(),
            "logbook.pdf",
            "The file is not a PDF, JPEG or PNG. Scan or photograph the logbook and upload that file",
        ),
        (
            b"GIF89a\x01\x00".as_slice(),
            "logbook.gif",
            "The file is not a PDF, JPEG or PNG. Scan or photograph the logbook and upload that file",
        ),
    ] {
        let (path, bytes, name) = upload(bytes, name);
        let response = lucy.upload_field(&path, "logbook", name, bytes, true).await;
        assert!(response.header("location").ends_with("/logbook"));
        let (_, page) = lucy.visit(response.header("location")).await;
        assert_eq!(errors(&page.body), [message]);
    }
    // Over 5 MB: refused before it is read, with its size.
    let big = [PDF, &vec![b' '; 5 * 1024 * 1024]].concat();
    let response = lucy
        .upload_field(
            &format!("/api/transfer/logbook?id={id}"),
            "logbook",
            "logbook.pdf",
            &big,
            true,
        )
        .await;
    let (_, page) = lucy.visit(response.header("location")).await;
    let refused = errors(&page.body);
    assert!(
        refused.len() == 1
            && refused[0].starts_with("Your file is 5.")
            && refused[0].ends_with("Choose a file of at most 5 MB"),
        "{refused:?}"
    );
    let response = lucy
        .upload_field(
            &format!("/api/transfer/logbook?id={id}"),
            "logbook",
            "logbook.pdf",
            PDF,
            true,
        )
        .await;
    assert!(response.header("location").ends_with("/buyer"));

    for (id_number, first_name, message) in [
        ("", "", vec!["Enter the buyer's ID number", "Enter the buyer's first name"]),
        (LUCY.0, "Lucy", vec!["You cannot transfer a vehicle to yourself. Enter the buyer's ID number"]),
        (
            REHEMA.0,
            "Ruth",
            vec!["The ID number and first name do not match the national register. Check them against the buyer's ID card"],
        ),
        (
            "31234567",
            "Otieno",
            vec!["Otieno has no Uraia account yet. Ask them to create one, then enter their details again"],
        ),
    ] {
        let (at, page) = lucy
            .follow(
                "/api/transfer/buyer",
                &[("id", &id), ("id_number", id_number), ("first_name", first_name)],
            )
            .await;
        assert!(at.ends_with("/buyer"), "{at}");
        assert_eq!(errors(&page.body), message, "{id_number} {first_name}");
        assert!(main(&page.body).contains(&format!("value=\"{first_name}\"")));
    }
    let (at, page) = lucy
        .follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", REHEMA.0), ("first_name", "REHEMA")],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    let html = main(&page.body);
    assert!(
        html.contains("KCM 753W") && html.contains("Rehema (7974916)") && html.contains("KES 1,710"),
        "{html}"
    );
    lucy.follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    pay(&lucy, &id, "RTRANSFER1", 1710).await;

    // The buyer is told by SMS and email; the vehicle cannot be offered twice.
    let told = messages_to(&app, REHEMA_PHONE).await;
    assert!(
        told.iter().any(|m| m.contains("KCM 753W") && m.contains("Lucy")),
        "{told:?}"
    );
    assert!(last_message(&app, "rehema@example.com").await.contains("KCM 753W"));
    let (at, _) = lucy.follow("/api/applications/start", &[("service", "transfer")]).await;
    let second = id_in(&at);
    let (_, page) = lucy
        .follow("/api/transfer/vehicle", &[("id", &second), ("plate", "KCM 753W")])
        .await;
    assert_eq!(
        errors(&page.body),
        ["KCM 753W is already offered to a buyer. Wait for their answer (at most 14 days) before you offer it again"]
    );

    // The logbook is the seller's alone.
    let response = lucy.get(&format!("/logbooks/{id}")).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), "application/pdf");
    assert_eq!(wanjiku.get(&format!("/logbooks/{id}")).await.status, 404);
    assert_eq!(rehema.get(&format!("/logbooks/{id}")).await.status, 404);

    // Only the named buyer sees the offer and may answer it.
    assert_eq!(wanjiku.get(&format!("/en/transfers/{id}")).await.status, 404);
    for (path, form) in [
        ("/api/transfer/code", vec![("id", id.as_str())]),
        ("/api/transfer/decline", vec![("id", &id)]),
        ("/api/transfer/accept", vec![("id", &id), ("code", "123456")]),
    ] {
        let (_, page) = wanjiku.follow(path, &form).await;
        assert_eq!(page.status, 404, "{path}");
    }
    let (_, page) = rehema.visit("/en/dashboard").await;
    assert!(main(&page.body).contains("Transfers to you") && main(&page.body).contains("KCM 753W from Lucy"));
    let (_, page) = rehema.visit(&format!("/en/transfers/{id}")).await;
    assert!(main(&page.body).contains("Waiting for you"), "{}", main(&page.body));

    let (at, _) = rehema.follow("/api/transfer/code", &[("id", &id)]).await;
    assert_eq!(at, format!("/en/transfers/{id}/accept"));
    let code = code_in(&last_message(&app, REHEMA_PHONE).await);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (at, page) = rehema
        .follow("/api/transfer/accept", &[("id", &id), ("code", wrong)])
        .await;
    assert_eq!(at, format!("/en/transfers/{id}/accept"));
    assert_eq!(errors(&page.body).len(), 1);
    assert_eq!(owner_of(&app, "KCM 753W").await, LUCY.0);
    let (at, page) = rehema
        .follow("/api/transfer/accept", &[("id", &id), ("code", &code)])
        .await;
    assert_eq!(at, format!("/en/transfers/{id}"));
    let html = main(&page.body);
    assert!(html.contains("The vehicle is now registered in your name"), "{html}");
    assert!(
        html.contains("buyer&#x27;s acknowledgement") || html.contains("buyer's acknowledgement"),
        "{html}"
    );

    // One transaction changed the register, completed the application and issued a slip to each.
    assert_eq!(owner_of(&app, "KCM 753W").await, REHEMA.0);
    assert_eq!(status_of(&app, &id).await, "completed");
    let slips: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT code, kind, holder_account FROM documents WHERE application_id = $1 AND kind LIKE 'transfer%' ORDER BY kind")
            .bind(&id)
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(slips.len(), 2, "{slips:?}");
    let (buyer_slip, seller_slip) = (&slips[0], &slips[1]);
    assert_eq!(
        (buyer_slip.1.as_str(), seller_slip.1.as_str()),
        ("transfer_buyer", "transfer_seller")
    );
    assert!(buyer_slip.2.is_some() && seller_slip.2.is_none());
    // The public check masks both names, as it masks the holder's.
    for slip in [buyer_slip, seller_slip] {
        let (_, page) = Browser::new(&app).visit(&format!("/en/verify/{}", slip.0)).await;
        let html = main(&page.body);
        assert!(html.contains("KCM 753W") && html.contains("L*** I** K******"), "{html}");
        assert!(html.contains("R***** R*** O****"), "{html}");
        assert!(!html.contains("Lucy") && !html.contains("Rehema"), "{html}");
    }
    assert_eq!(rehema.get(&format!("/en/documents/{}", buyer_slip.0)).await.status, 200);
    assert_eq!(lucy.get(&format!("/en/documents/{}", buyer_slip.0)).await.status, 404);
    assert_eq!(
        rehema.get(&format!("/en/documents/{}", seller_slip.0)).await.status,
        404
    );
    let (_, page) = lucy.visit(&format!("/en/applications/{id}")).await;
    let html = main(&page.body);
    assert!(
        html.contains("accepted. KCM 753W is now registered in their name"),
        "{html}"
    );
    // The states are named as they are (no officer was involved), and a deadline no longer matters.
    assert!(
        html.contains("Accepted by the buyer") && html.contains("Waiting for the buyer"),
        "{html}"
    );
    assert!(
        !html.contains("Approved") && !html.contains("In review") && !html.contains("Answer by"),
        "{html}"
    );
    let (_, page) = rehema.visit(&format!("/en/transfers/{id}")).await;
    assert!(!main(&page.body).contains("Answer by"), "{}", main(&page.body));
    assert!(!html.contains("buyer's acknowledgement") && !html.contains("buyer&#x27;s acknowledgement"));
    assert!(last_message(&app, LUCY_PHONE)
        .await
        .contains("accepted the transfer of KCM 753W"));
    // In the buyer's vehicles now; answered once only.
    let (_, page) = rehema.visit("/en/dashboard").await;
    assert!(main(&page.body).contains("KCM 753W"));
    let (_, page) = rehema.follow("/api/transfer/decline", &[("id", &id)]).await;
    assert_eq!(
        errors(&page.body),
        ["This transfer can no longer be answered: it has been answered, or its 14 days have ended"]
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM vehicle_transfers WHERE status = 'accepted'").await,
        1
    );
});

on_both_engines!(a_declined_or_lapsed_offer_leaves_the_seller_the_owner, |app| {
    let mut lucy = Browser::new(&app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;
    let mut rehema = Browser::new(&app);
    register_person(&mut rehema, REHEMA, "rehema@example.com", "0722 000 002").await;

    // Declined, in Kiswahili: the seller is told, the vehicle stays theirs and may be offered again.
    let id = offer(&mut lucy, "RTRANSFER2").await;
    let (_, page) = rehema.visit(&format!("/sw/transfers/{id}/decline")).await;
    assert!(main(&page.body).contains("Ndiyo, kataa uhamisho"));
    let (at, _) = rehema.follow("/api/transfer/decline", &[("id", &id)]).await;
    assert_eq!(at, format!("/sw/transfers/{id}"));
    assert_eq!(status_of(&app, &id).await, "rejected");
    assert_eq!(owner_of(&app, "KCM 753W").await, LUCY.0);
    assert!(last_message(&app, LUCY_PHONE)
        .await
        .contains("declined the transfer of KCM 753W"));
    let (_, page) = lucy.visit(&format!("/sw/applications/{id}")).await;
    assert!(
        main(&page.body).contains("Mnunuzi amekataa uhamisho."),
        "{}",
        main(&page.body)
    );

    // Offered again, then left unanswered: after 14 days it cannot be accepted, and the sweep lapses it.
    let id = offer(&mut lucy, "RTRANSFER3").await;
    rehema.follow("/api/transfer/code", &[("id", &id)]).await;
    let code = code_in(&last_message(&app, REHEMA_PHONE).await);
    // Fourteen days on (moving the deadline back: the sessions would not live 14 days).
    sqlx::query("UPDATE vehicle_transfers SET deadline = offered_at - 1 WHERE application_id = $1")
        .bind(&id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    let (_, page) = rehema
        .follow("/api/transfer/accept", &[("id", &id), ("code", &code)])
        .await;
    assert_eq!(
        errors(&page.body),
        ["Uhamisho huu hauwezi kujibiwa tena: umeshajibiwa, au siku zake 14 zimeisha"]
    );
    let (_, page) = rehema.visit(&format!("/en/transfers/{id}")).await;
    assert!(main(&page.body).contains("Time ran out"));
    let swept = app::sweep::run(&app.state).await.unwrap();
    assert_eq!(swept.transfers, 1);
    assert_eq!(status_of(&app, &id).await, "rejected");
    assert_eq!(owner_of(&app, "KCM 753W").await, LUCY.0);
    let told = last_message(&app, LUCY_PHONE).await;
    assert!(
        told.contains("KCM 753W") && (told.contains("did not accept") || told.contains("hakukubali")),
        "{told}"
    );
    assert_eq!(app::sweep::run(&app.state).await.unwrap().transfers, 0);
});

on_both_engines!(a_vehicle_with_a_caveat_never_changes_owner_online, |app| {
    let mut lucy = Browser::new(&app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;
    let mut rehema = Browser::new(&app);
    register_person(&mut rehema, REHEMA, "rehema@example.com", "0722 000 002").await;

    // A caveat noted while the offer waits: the buyer's acceptance is refused and the register keeps the seller.
    let id = offer(&mut lucy, "RCAVEAT001").await;
    note_caveat(&app, "KCM 753W").await;
    rehema.follow("/api/transfer/code", &[("id", &id)]).await;
    let code = code_in(&last_message(&app, REHEMA_PHONE).await);
    let (_, page) = rehema
        .follow("/api/transfer/accept", &[("id", &id), ("code", &code)])
        .await;
    assert_eq!(
        errors(&page.body),
        ["A caveat (a financier's interest, a police hold or a court order) has been recorded on this vehicle since \
          it was offered to you, so it cannot change owner online. Ask the seller to go to an NTSA office"]
    );
    assert_eq!(owner_of(&app, "KCM 753W").await, LUCY.0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM vehicle_transfers WHERE status = 'accepted'").await,
        0
    );
    // Even the register's own statement refuses it.
    let mut conn = app.state.pool.acquire().await.unwrap();
    assert!(!app::services::transfer::db::change_owner(
        &mut conn,
        "KCM 753W",
        &Person(LUCY.0.into()),
        &Person(REHEMA.0.into())
    )
    .await
    .unwrap());
    drop(conn);

    // The vehicle step says why, in both languages, and the list marks it.
    let (at, page) = lucy.follow("/api/applications/start", &[("service", "transfer")]).await;
    assert!(
        main(&page.body).contains("Has a caveat: transfer it at an NTSA office"),
        "{}",
        main(&page.body)
    );
    let id = id_in(&at);
    let (_, page) = lucy
        .follow("/api/transfer/vehicle", &[("id", &id), ("plate", "KCM 753W")])
        .await;
    assert_eq!(
        errors(&page.body),
        ["KCM 753W has a caveat on the register (a financier's interest, a police hold or a court order). It can only \
          be transferred at an NTSA office, once the caveat is lifted"]
    );
    let (_, page) = lucy.visit(&format!("/sw/applications/{id}/vehicle")).await;
    assert!(main(&page.body).contains("Lina kizuizi"), "{}", main(&page.body));
});

on_both_engines!(a_car_as_kenyans_drive_them_pays_its_own_band, |app| {
    let mut lucy = Browser::new(&app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;
    register_person(&mut Browser::new(&app), REHEMA, "rehema@example.com", "0722 000 002").await;
    // KAZ 388M: a 1,500 cc Honda Vezel, KES 2,065 (1,201 to 1,500 cc) and the access fee of 50.
    let (at, _) = lucy.follow("/api/applications/start", &[("service", "transfer")]).await;
    let id = id_in(&at);
    lucy.follow("/api/transfer/vehicle", &[("id", &id), ("plate", "KAZ 388M")])
        .await;
    lucy.upload_field(
        &format!("/api/transfer/logbook?id={id}"),
        "logbook",
        "logbook.pdf",
        PDF,
        true,
    )
    .await;
    let (at, page) = lucy
        .follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", REHEMA.0), ("first_name", "Rehema")],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    assert!(main(&page.body).contains("KES 2,115"), "{}", main(&page.body));
    lucy.follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    let fee: (String, i64) = sqlx::query_as("SELECT fee_code, fee_kes FROM applications WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(fee, ("transfer-1201-1500cc".to_string(), 2065));
});
