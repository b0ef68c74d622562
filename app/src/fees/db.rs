//! The SQL for fees.

use super::domain::{AccessBand, Fee, FeeSchedule};
use crate::db::Pool;

/// The whole schedule in one round trip (every submission reads it): the fees in display order, then the bands,
/// told apart by `part`.
pub async fn schedule(pool: &Pool) -> sqlx::Result<FeeSchedule> {
    let rows: Vec<(i64, Option<String>, i64, i64, i64)> = sqlx::query_as(
        "SELECT CAST(0 AS BIGINT) AS part, service_code, amount_kes, CAST(0 AS BIGINT) AS fee_kes, position FROM fees \
         UNION ALL SELECT CAST(1 AS BIGINT), NULL, min_amount_kes, fee_kes, CAST(0 AS BIGINT) FROM access_fee_bands \
         ORDER BY part, position, service_code, amount_kes",
    )
    .fetch_all(pool)
    .await?;
    let mut schedule = FeeSchedule::default();
    for (_, service_code, amount_kes, fee_kes, _) in rows {
        match service_code {
            Some(service_code) => schedule.fees.push(Fee {
                service_code,
                amount_kes,
            }),
            None => schedule.bands.push(AccessBand {
                min_amount_kes: amount_kes,
                fee_kes,
            }),
        }
    }
    Ok(schedule)
}
