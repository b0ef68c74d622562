//! The SQL for fees.

use sqlx::Row;

use super::domain::{AccessBand, Fee, FeeSchedule};
use crate::db::Pool;

pub async fn schedule(pool: &Pool) -> sqlx::Result<FeeSchedule> {
    let fees = sqlx::query("SELECT service_code, amount_kes FROM fees ORDER BY position, service_code")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| {
            Ok(Fee {
                service_code: row.try_get(0)?,
                amount_kes: row.try_get(1)?,
            })
        })
        .collect::<sqlx::Result<_>>()?;
    let bands = sqlx::query("SELECT min_amount_kes, fee_kes FROM access_fee_bands ORDER BY min_amount_kes")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| {
            Ok(AccessBand {
                min_amount_kes: row.try_get(0)?,
                fee_kes: row.try_get(1)?,
            })
        })
        .collect::<sqlx::Result<_>>()?;
    Ok(FeeSchedule { fees, bands })
}
