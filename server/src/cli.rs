//! The server binary's commands besides serving: `uraia staff add --email <address> --role <role> [--centre
//! <code>] [--services <code,code>]` gives an existing, verified account a staff role (or changes it), written to
//! the audit log as the console's act. Staff accounts are never made through the public wizard. `uraia demo year
//! [--applications N]` writes a generated year of applications (a million by default) and rolls its days up, for
//! the figures' demos and benchmarks (issue 29).

use anyhow::{bail, Context};
use app::{
    ids::Email,
    staff::{
        domain::Role,
        service::{self, Actor, Granted},
    },
    state::AppState,
};

/// Whether `args` (without the program name) name a command rather than serving.
pub fn is_command(args: &[String]) -> bool {
    args.first().is_some_and(|first| first == "staff" || first == "demo")
}

/// Runs the command; what to print.
pub async fn run(state: &AppState, args: &[String]) -> anyhow::Result<String> {
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["staff", "add", rest @ ..] => staff_add(state, rest).await,
        ["demo", "year"] => demo_year(state, 1_000_000).await,
        ["demo", "year", "--applications", n] => demo_year(state, n.parse().context("--applications: a number")?).await,
        ["staff", "list"] => {
            let members = service::members(state).await?;
            Ok(members
                .iter()
                .map(|m| {
                    let centre = m.centre.as_deref().unwrap_or("*");
                    format!("{}\t{}\t{centre}\t{}", m.email, m.role, m.services)
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        _ => bail!("usage: uraia staff add --email <address> --role <officer|supervisor|support|administrator> [--centre <code>] [--services <code,code>]\n       uraia staff list\n       uraia demo year [--applications N]\n       uraia backup FILE\n       uraia restore FILE"),
    }
}

async fn staff_add(state: &AppState, args: &[&str]) -> anyhow::Result<String> {
    let mut flags = std::collections::BTreeMap::new();
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let name = flag
            .strip_prefix("--")
            .with_context(|| format!("expected a --flag, found {flag}"))?;
        let value = rest.next().with_context(|| format!("--{name} needs a value"))?;
        flags.insert(name, *value);
    }
    let email = flags.get("email").context("--email is required")?;
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {}", e.key))?;
    let role = flags.get("role").context("--role is required")?;
    let role = Role::parse(role).with_context(|| format!("--role {role}: not a staff role"))?;
    let centre = flags.get("centre").copied().filter(|c| !c.is_empty());
    let services = app::staff::domain::parse_services(flags.get("services").copied().unwrap_or(""));
    for code in &services {
        if state.services.get(code).is_none() {
            bail!("--services: no service {code}");
        }
    }
    match service::grant(state, Actor::CONSOLE, &email, role, centre, &services).await? {
        Granted::Done { before: None } => Ok(format!("{} is now {}", email.as_str(), role.code())),
        Granted::Done { before: Some(before) } => {
            Ok(format!("{} is now {} (was {before})", email.as_str(), role.code()))
        }
        Granted::NoAccount => bail!(
            "no account has proven the address {}: the person registers and verifies it first",
            email.as_str()
        ),
    }
}

async fn demo_year(state: &AppState, applications: u64) -> anyhow::Result<String> {
    let started = std::time::Instant::now();
    let made = app::demo::year::generate(state, applications).await?;
    let written = started.elapsed();
    let days = app::figures::rollup::roll_up_due(state).await?;
    Ok(format!(
        "{made} applications written in {:.1} s; {days} days rolled up in {:.1} s",
        written.as_secs_f64(),
        (started.elapsed() - written).as_secs_f64()
    ))
}
