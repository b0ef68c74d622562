//! The SQL of the first licence: the register's licence written on approval, with the classes' first day (the
//! licence held is read with `records::db::held_licence`).

use sqlx::AnyConnection;

pub struct Endorsement<'a> {
    pub holder_id_number: &'a str,
    /// Every class the licence now carries, as printed (`B C1`).
    pub classes: &'a str,
    /// The classes new to it, each recorded from `since`.
    pub new: &'a [&'a str],
    pub since: &'a str,
    pub expires_on: &'a str,
}

/// Puts the licence on the register, or endorses the new classes on the one held, in the decision's transaction.
pub async fn endorse(conn: &mut AnyConnection, licence: &Endorsement<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO driving_licences (holder_id_number, classes, expires_on) VALUES ($1, $2, $3) \
         ON CONFLICT (holder_id_number) DO UPDATE SET classes = excluded.classes, expires_on = excluded.expires_on",
    )
    .bind(licence.holder_id_number)
    .bind(licence.classes)
    .bind(licence.expires_on)
    .execute(&mut *conn)
    .await?;
    for class in licence.new {
        sqlx::query(
            "INSERT INTO licence_classes (holder_id_number, class, since) VALUES ($1, $2, $3) \
             ON CONFLICT (holder_id_number, class) DO NOTHING",
        )
        .bind(licence.holder_id_number)
        .bind(*class)
        .bind(licence.since)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
