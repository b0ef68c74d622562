//! Passport photos through the real router on both databases: the size rules with their figures, content over
//! name, metadata stripped, a decompression bomb, the body limit, and a photo seen by its owner only.

use crate::common;

use app::photo::check::samples::{jpeg, jpeg_with_exif, png, png_bomb, GPS_MARKER, SERIAL_MARKER};
use common::browser::{errors, register_citizen, register_person, Browser, EMAIL, PHONE};

const UPLOAD: &str = "/api/photo/upload?from=account";

/// Uploads like a browser without JavaScript, follows the redirect, and returns where it landed and its errors.
async fn upload(browser: &mut Browser<'_>, filename: &str, bytes: &[u8]) -> (String, Vec<String>) {
    let response = browser.upload(UPLOAD, filename, bytes, true).await;
    landed(browser, response).await
}

async fn landed(browser: &mut Browser<'_>, response: common::TestResponse) -> (String, Vec<String>) {
    let (location, page) = follow(browser, response).await;
    (location, errors(&page))
}

async fn follow(browser: &mut Browser<'_>, response: common::TestResponse) -> (String, String) {
    assert!(
        response.status.is_redirection(),
        "{} {}",
        response.status,
        response.body
    );
    let location = response.header("location").to_string();
    let page = browser.get(&location).await;
    (location, page.body)
}

/// The address of the signed-in account's photo, read from the account page.
async fn photo_src(browser: &mut Browser<'_>) -> Option<String> {
    let page = browser.get("/en/account").await;
    let start = page.body.find("src=\"/photos/")? + 5;
    Some(page.body[start..].split('"').next()?.to_string())
}

on_both_engines!(the_size_rules_are_inclusive_and_state_the_figures, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let (location, problems) = upload(&mut browser, "face.jpg", &jpeg(501, 500)).await;
    assert_eq!(location, "/en/account/photo");
    assert_eq!(
        problems,
        ["Your photo is 501 x 500 pixels. Choose a photo of at most 500 x 500 pixels, or crop it first"]
    );
    let (_, problems) = upload(&mut browser, "face.png", &png(500, 501)).await;
    assert_eq!(
        problems,
        ["Your photo is 500 x 501 pixels. Choose a photo of at most 500 x 500 pixels, or crop it first"]
    );
    let (_, problems) = upload(&mut browser, "face.jpg", &jpeg(239, 300)).await;
    assert_eq!(
        problems,
        ["Your photo is 239 x 300 pixels. Choose a photo of at least 240 x 240 pixels so your face can be seen"]
    );
    assert_eq!(photo_src(&mut browser).await, None, "nothing stored after a refusal");

    let (location, problems) = upload(&mut browser, "face.png", &png(240, 240)).await;
    assert_eq!((location.as_str(), problems.len()), ("/en/account", 0));
    let (location, problems) = upload(&mut browser, "face.jpg", &jpeg(500, 500)).await;
    assert_eq!((location.as_str(), problems.len()), ("/en/account", 0));
    let page = browser.get("/en/account").await;
    assert!(
        page.body.contains("width=\"500\""),
        "the newest photo replaced the first"
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM photos")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "replacing keeps one photo");
});

on_both_engines!(the_file_s_content_decides_and_damage_is_named, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    browser.get("/sw/account/photo").await; // the language of the messages
    let (_, problems) = upload(&mut browser, "photo.jpg", b"Hii ni faili ya maandishi, si picha.\n").await;
    assert_eq!(problems, ["Faili uliyochagua si picha. Chagua picha ya JPEG au PNG"]);
    browser.get("/en/account/photo").await;
    let (_, problems) = upload(&mut browser, "photo.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").await;
    assert_eq!(problems, ["Your file is a GIF picture. Choose a JPEG or PNG photo"]);
    let whole = jpeg(400, 400);
    let (_, problems) = upload(&mut browser, "photo.jpg", &whole[..whole.len() * 2 / 3]).await;
    assert_eq!(
        problems,
        ["The file you chose is damaged or incomplete. Choose the photo again, or take a new one"]
    );
    let (_, problems) = upload(&mut browser, "", b"").await;
    assert_eq!(problems, ["Choose a photo to upload"]);
});

on_both_engines!(a_stored_photo_has_no_metadata_and_only_its_owner_sees_it, |app| {
    let mut owner = Browser::new(&app);
    register_citizen(&mut owner, EMAIL, PHONE).await;
    let (_, problems) = upload(&mut owner, "IMG_2041.jpg", &jpeg_with_exif(400, 400, 1)).await;
    assert!(problems.is_empty(), "{problems:?}");
    let src = photo_src(&mut owner).await.expect("the account page shows the photo");
    let photo = owner.get(&src).await;
    assert_eq!(photo.status, 200);
    assert_eq!(photo.header("content-type"), "image/jpeg");
    assert_eq!(photo.header("cache-control"), "no-store");
    let contains = |needle: &[u8]| photo.bytes.windows(needle.len()).any(|w| w == needle);
    assert!(photo.bytes.starts_with(&[0xFF, 0xD8]));
    assert!(!contains(GPS_MARKER) && !contains(SERIAL_MARKER) && !contains(b"Exif"));

    // Another account, and no account at all, get the same 404 as for a photo that does not exist.
    let mut other = Browser::new(&app);
    register_person(
        &mut other,
        ("31234567", "Otieno", "1985"),
        "otieno@example.com",
        "0722 000 111",
    )
    .await;
    assert_eq!(other.get(&src).await.status, 404);
    assert_eq!(Browser::new(&app).get(&src).await.status, 404);
    assert_eq!(
        owner.get("/photos/00000000000000000000000000000000.jpg").await.status,
        404
    );

    // Removing it: the old address stops working.
    let (location, _) = owner.submit("/api/photo/remove", &[]).await;
    assert_eq!(location, "/en/account");
    assert_eq!(owner.get(&src).await.status, 404);
    assert_eq!(photo_src(&mut owner).await, None);
});

on_both_engines!(a_decompression_bomb_is_refused_from_its_header, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let bomb = png_bomb(20_000);
    assert!(bomb.len() < 100 * 1024);
    let started = std::time::Instant::now();
    let (_, problems) = upload(&mut browser, "bomb.png", &bomb).await;
    assert_eq!(
        problems,
        ["Your photo is 20000 x 20000 pixels. Choose a photo of at most 500 x 500 pixels, or crop it first"]
    );
    // Not a timing assertion (the benchmark measures); a decode of 400 million pixels would take minutes.
    eprintln!("bomb refused in {:?}", started.elapsed());
});

on_both_engines!(a_file_over_2_mb_is_cut_off_by_the_limit, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let three_mb = vec![0xAB; 3 * 1024 * 1024];
    // Declared length: refused before the body is read.
    let (_, problems) = upload(&mut browser, "big.jpg", &three_mb).await;
    assert_eq!(problems, ["Your file is 3.0 MB. Choose a photo of at most 2 MB"]);
    let response = browser.upload(UPLOAD, "face.jpg", &jpeg(300, 300), false).await;
    assert!(
        landed(&mut browser, response).await.1.is_empty(),
        "a small photo streams through"
    );
    // No declared length: read up to the limit, then refused.
    let response = browser.upload(UPLOAD, "big.jpg", &three_mb, false).await;
    let (_, problems) = landed(&mut browser, response).await;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems, ["Your file is 3.0 MB. Choose a photo of at most 2 MB"]);
    // A post that is not a multipart form is refused before any reading.
    assert_eq!(browser.post(UPLOAD, &[("photo", "x")]).await.status, 415);
    // Every other form keeps its small limit.
    let big_form = "x".repeat(100 * 1024);
    let response = browser.post("/api/accounts/sign-in", &[("login", &big_form)]).await;
    assert_eq!(response.status, 413);
});

on_both_engines!(uploads_need_a_verified_account_and_are_throttled, |app| {
    // Signed out: sent to sign in, nothing stored.
    let mut visitor = Browser::new(&app);
    let response = visitor.upload(UPLOAD, "face.jpg", &jpeg(300, 300), true).await;
    assert_eq!(response.header("location"), "/en/login");

    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let small = jpeg(300, 300);
    for _ in 0..app::web::throttle::PHOTO.threshold - 1 {
        let (_, problems) = upload(&mut browser, "face.jpg", &small).await;
        assert!(problems.is_empty(), "{problems:?}");
    }
    let (_, problems) = upload(&mut browser, "face.jpg", &small).await;
    assert!(problems.is_empty(), "the threshold-th upload still goes through");
    let (_, problems) = upload(&mut browser, "face.jpg", &small).await;
    assert_eq!(
        problems,
        ["You have uploaded 20 photos in the last 15 minutes. Wait a minute, then try again"]
    );
    // Throttled (or signed out), the answer comes before the body is read: a sender that never finishes is not
    // waited for.
    let cookie = browser.cookie("uraia_session").cloned().unwrap();
    let start = futures_util::stream::iter([Ok::<_, std::io::Error>(
        b"------b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"f.jpg\"\r\n\r\n".to_vec(),
    )]);
    let endless = futures_util::StreamExt::chain(start, futures_util::stream::pending());
    let request = axum::http::Request::post(UPLOAD)
        .header("host", "localhost")
        .header("origin", "http://localhost")
        .header("content-type", "multipart/form-data; boundary=----b")
        .header("accept", "text/html")
        .header("cookie", format!("uraia_session={cookie}"))
        .body(axum::body::Body::from_stream(endless))
        .unwrap();
    let answer = tokio::time::timeout(std::time::Duration::from_secs(10), app.send(request))
        .await
        .expect("answered without waiting for the body");
    assert_eq!(answer.header("location"), "/en/account/photo");
});

on_both_engines!(the_welcome_step_leads_to_the_dashboard, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let page = browser.get("/en/welcome/photo").await;
    assert!(page.body.contains("Add a photo later"), "{}", page.body);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let response = browser
        .upload("/api/photo/upload?from=welcome", "face.jpg", &jpeg(320, 320), true)
        .await;
    let (location, dashboard) = follow(&mut browser, response).await;
    assert_eq!(location, "/en/dashboard");
    assert!(dashboard.contains("Your photo has been saved."), "{dashboard}");
    assert!(dashboard.contains("Passport photo: </strong>Added – "), "{dashboard}");
});
