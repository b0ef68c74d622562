//! "Messages": every notice Uraia sent a person (payments, decisions, questions, transfers), kept where they can
//! read it again: the latest on the dashboard, all of them at `/messages`. `outbox::tell` keeps each (the outbox
//! itself is emptied after 30 days); a message that carries a secret (a code, a link) is never a notice.

use leptos::prelude::*;
use sqlx::FromRow;

use crate::{
    calendar,
    db::Pool,
    error::AppError,
    ids::AccountId,
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{render_blocks, signed_in_page, BackLink, Block, BlockView, PageHead, SignedInPage},
    },
};

/// How many the dashboard shows; the page shows up to `PAGE_SIZE`.
const ON_DASHBOARD: i64 = 3;
const PAGE_SIZE: i64 = 100;

#[derive(Debug, Clone, FromRow)]
pub struct Notice {
    pub subject: String,
    pub body: String,
    pub created_at: i64,
}

/// The account's notices, newest first.
pub async fn of(pool: &Pool, account: &AccountId, limit: i64) -> anyhow::Result<Vec<Notice>> {
    Ok(sqlx::query_as(&format!(
        "SELECT subject, body, created_at FROM notices WHERE account_id = $1 ORDER BY created_at DESC, id DESC \
         LIMIT {limit}"
    ))
    .bind(account.as_str())
    .fetch_all(pool)
    .await?)
}

fn list(lang: crate::i18n::Lang, notices: Vec<Notice>) -> AnyView {
    let items = notices
        .into_iter()
        .map(|n| {
            view! {
                <li class="timeline__item">
                    <strong>{n.subject}</strong>
                    <span class="hint">" – "{calendar::moment(lang, n.created_at)}</span>
                    <p class="body">{n.body}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }.into_any()
}

/// The dashboard's "Messages" (a `web::page::Block`): the latest few, and the way to all of them.
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let notices = of(&ctx.state.pool, &who.id, ON_DASHBOARD).await?;
        if notices.is_empty() {
            return Ok(().into_any());
        }
        Ok(view! {
            <h2 class="heading-m">{lang.t("notices-heading")}</h2>
            {list(lang, notices)}
            <p class="body"><a href=lang.href("messages")>{lang.t("notices-all-link")}</a></p>
        }
        .into_any())
    })
}

/// `/messages`: every notice, newest first, after the other features' `blocks` (the help desk's questions).
#[component]
pub fn MessagesPage(blocks: &'static [Block]) -> impl IntoView {
    signed_in_page("messages", move |page| async move {
        let SignedInPage { ctx, who, .. } = page;
        let lang = ctx.lang;
        let notices = of(&ctx.state.pool, &who.id, PAGE_SIZE).await?;
        let blocks = render_blocks(blocks, &ctx, &who).await?;
        let title = lang.t("notices-heading");
        let body = if notices.is_empty() {
            view! { <p class="body">{lang.t("notices-none")}</p> }.into_any()
        } else {
            list(lang, notices)
        };
        Ok::<_, AppError>(
            view! {
                <BackLink lang to="dashboard" />
                <PageHead title=title.clone() lang errors=vec![] />
                <h1 class="heading-l">{title}</h1>
                {blocks}
                {body}
            }
            .into_any(),
        )
    })
}
