//! The SQL for fees.

use super::domain::FeeSchedule;
use crate::db::Pool;

pub async fn schedule(pool: &Pool) -> sqlx::Result<FeeSchedule> {
    let fees = sqlx::query_as("SELECT service_code, amount_kes FROM fees ORDER BY position, service_code")
        .fetch_all(pool)
        .await?;
    let bands = sqlx::query_as("SELECT min_amount_kes, fee_kes FROM access_fee_bands ORDER BY min_amount_kes")
        .fetch_all(pool)
        .await?;
    Ok(FeeSchedule { fees, bands })
}
