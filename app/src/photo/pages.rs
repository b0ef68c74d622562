//! The photo page, in two places: the step after verification ("Add a photo later" skips it) and the account
//! page's "Change or remove your photo". A plain multipart form, so it works without JavaScript; the picker
//! island adds the preview, the crop and the progress bar.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    islands::{PhotoPicker, PickerLabels},
    service::{self, Origin},
};
use crate::{
    calendar,
    i18n::Lang,
    ui::{Button, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, BackLink, BlockView, Notice, PageHead, SignedInPage},
    },
};

/// The dashboard's photo line (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let has_photo = service::info(&ctx.state, &who.id).await?.is_some();
        Ok(view! { <PhotoStatus lang=ctx.lang has_photo /> }.into_any())
    })
}

/// The account page's photo section: the photo, when it was added, and the way to change it.
pub fn account_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let photo = service::info(&ctx.state, &who.id).await?;
        let link = if photo.is_some() {
            "photo-change-link"
        } else {
            "photo-add-link"
        };
        Ok(view! {
            <h2 class="heading-m">{lang.t("photo-account-title")}</h2>
            {match photo {
                Some(info) => view! {
                    <img class="photo-thumb" src=service::src(&info) alt=lang.t("photo-current-alt")
                        width=info.width height=info.height />
                    <p class="hint">{lang.t_with("photo-added-on", &[("date", calendar::day_of(lang, info.added_at))])}</p>
                }.into_any(),
                None => view! { <p class="body">{lang.t("photo-none")}</p> }.into_any(),
            }}
            <p class="body"><a href=lang.href("account/photo")>{lang.t(link)}</a></p>
        }
        .into_any())
    })
}

#[component]
pub fn WelcomePhotoPage() -> impl IntoView {
    photo_page(Origin::Welcome)
}

#[component]
pub fn AccountPhotoPage() -> impl IntoView {
    photo_page(Origin::Account)
}

fn photo_page(origin: Origin) -> impl IntoView {
    let query = leptos_router::hooks::use_location().search.get_untracked();
    let then = service::return_to(query.trim_start_matches('?'));
    signed_in_page("photo", move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let current = service::info(&ctx.state, &who.id).await?;
        let welcome = origin == Origin::Welcome;
        let title = lang.t(if welcome {
            "photo-welcome-title"
        } else {
            "photo-account-title"
        });
        let action = match &then {
            Some(then) => format!("{}?from={}&then={then}", api::UploadPhoto::url(), origin.code()),
            None => format!("{}?from={}", api::UploadPhoto::url(), origin.code()),
        };
        let upload_label = lang.t(if current.is_some() {
            "photo-replace"
        } else {
            "photo-upload"
        });
        Ok(view! {
            {(!welcome).then(|| view! { <BackLink lang to=then.clone().unwrap_or_else(|| "account".into()) /> })}
            {then.is_some().then(|| view! { <p class="body"><strong>{lang.t("photo-needed-for-application")}</strong></p> })}
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("photo-intro")}</p>
            <h2 class="heading-m">{lang.t("photo-rules-heading")}</h2>
            <ul class="list">
                <li>{lang.t("photo-rule-format")}</li>
                <li>{lang.t("photo-rule-size")}</li>
                <li>{lang.t("photo-rule-face")}</li>
            </ul>
            <p class="body">{lang.t("photo-crop-note")}</p>
            {current.as_ref().map(|info| view! {
                <figure class="photo-current">
                    <img src=service::src(info) alt=lang.t("photo-current-alt") width=info.width height=info.height />
                    <figcaption class="hint">
                        {lang.t("photo-current")}" – "{lang.t_with("photo-added-on", &[("date", calendar::day_of(lang, info.added_at))])}
                    </figcaption>
                </figure>
            })}
            <form method="post" action=action enctype="multipart/form-data" class="form" novalidate>
                <PhotoPicker labels=picker_labels(lang)>
                    <TextInput id="photo" name="photo" label=lang.t("photo-field") hint=Some(lang.t("photo-field-hint"))
                        input_type="file" accept="image/jpeg,image/png" error=state.error("photo") />
                </PhotoPicker>
                <Button text=upload_label />
            </form>
            {(current.is_some() && !welcome).then(|| view! {
                <form method="post" action=api::RemovePhoto::url() class="form">
                    <Button text=lang.t("photo-remove") secondary=true />
                </form>
            })}
            {welcome.then(|| view! {
                <p class="body"><a href=lang.href("dashboard")>{lang.t("photo-later")}</a></p>
                <p class="hint">{lang.t("photo-later-hint")}</p>
            })}
        }
        .into_any())
    })
}

fn picker_labels(lang: Lang) -> PickerLabels {
    let size = [("width", "{width}".to_string()), ("height", "{height}".to_string())];
    PickerLabels {
        crop_heading: lang.t("photo-crop-heading"),
        crop_help: lang.t_with("photo-crop-help", &size),
        crop_canvas: lang.t("photo-crop-canvas"),
        crop_size: lang.t("photo-crop-size"),
        preview_alt: lang.t("photo-preview-alt"),
        preview_ok: lang.t_with("photo-preview-ok", &size),
        preview_unknown: lang.t("photo-preview-unknown"),
        too_small: lang.t_with("photo-error-too-small", &size),
        too_large: lang.t_with("photo-error-too-large", &[("size", "{size}".to_string())]),
        uploading: lang.t("photo-uploading"),
        failed: lang.t("photo-upload-failed"),
    }
}

/// The dashboard's line about the photo: added or not, with the way to add or change it.
#[component]
pub fn PhotoStatus(lang: Lang, has_photo: bool) -> impl IntoView {
    let (status, link) = if has_photo {
        ("photo-status-added", "photo-change-link")
    } else {
        ("photo-status-missing", "photo-add-link")
    };
    view! {
        <p class="body">
            <strong>{format!("{}: ", lang.t("photo-status-label"))}</strong>{format!("{} – ", lang.t(status))}
            <a href=lang.href("account/photo")>{lang.t(link)}</a>
        </p>
    }
}
