//! The statistics' SQL beyond the rollups: the centres (for the filter and their names), and what the registers
//! hold now: what expires in the next 90 days by county, PSV licences in force by route and by SACCO.

use sqlx::FromRow;

use super::domain::Centre;
use crate::db::Pool;

/// Every centre: inspection centres, test units, licence collection centres.
pub async fn centres(pool: &Pool) -> anyhow::Result<Vec<Centre>> {
    Ok(sqlx::query_as(
        "SELECT code, name, county FROM inspection_centres UNION ALL \
         SELECT code, name, county FROM test_units UNION ALL \
         SELECT code, name, county FROM collection_centres ORDER BY 2",
    )
    .fetch_all(pool)
    .await?)
}

/// A count by a name (a county, a route, a SACCO).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Named {
    pub name: String,
    pub n: i64,
}

/// Driving licences expiring from `from` to `to` (ISO dates), by the holder's county ('' unknown).
pub async fn licences_expiring(pool: &Pool, from: &str, to: &str, county: Option<&str>) -> anyhow::Result<Vec<Named>> {
    Ok(sqlx::query_as(
        "SELECT COALESCE(p.county, '') AS name, COUNT(*) AS n \
           FROM driving_licences d JOIN register_people p ON p.id_number = d.holder_id_number \
          WHERE d.expires_on >= $1 AND d.expires_on <= $2 AND ($3 = '' OR p.county = $3) \
          GROUP BY COALESCE(p.county, '')",
    )
    .bind(from)
    .bind(to)
    .bind(county.unwrap_or_default())
    .fetch_all(pool)
    .await?)
}

/// Inspection certificates running out from `from` to `to`, by the owner's county (a person's, or an
/// organisation's).
pub async fn inspections_due(pool: &Pool, from: &str, to: &str, county: Option<&str>) -> anyhow::Result<Vec<Named>> {
    Ok(sqlx::query_as(
        "SELECT name, COUNT(*) AS n FROM ( \
             SELECT COALESCE(p.county, o.county, '') AS name FROM vehicles v \
               LEFT JOIN register_people p ON p.id_number = v.owner_id_number \
               LEFT JOIN organisations o ON o.kra_pin = v.owner_kra_pin \
              WHERE v.inspection_due_on >= $1 AND v.inspection_due_on <= $2) due \
          WHERE $3 = '' OR name = $3 GROUP BY name",
    )
    .bind(from)
    .bind(to)
    .bind(county.unwrap_or_default())
    .fetch_all(pool)
    .await?)
}

/// PSV road service licences in force on `today`, by route or by SACCO (`by`: "route" or "sacco").
pub async fn psv_licences(
    pool: &Pool,
    today: &str,
    by_sacco: bool,
    county: Option<&str>,
) -> anyhow::Result<Vec<Named>> {
    let name = if by_sacco { "o.name" } else { "r.name" };
    Ok(sqlx::query_as(&format!(
        "SELECT {name} AS name, COUNT(*) AS n FROM psv_licences l \
           JOIN psv_routes r ON r.code = l.route JOIN organisations o ON o.kra_pin = l.kra_pin \
          WHERE l.starts_on <= $1 AND l.expires_on >= $1 AND ($2 = '' OR r.county = $2) GROUP BY {name}"
    ))
    .bind(today)
    .bind(county.unwrap_or_default())
    .fetch_all(pool)
    .await?)
}
