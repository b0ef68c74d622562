//! The SQL for fees.

use super::domain::{AccessBand, Fee, FeeSchedule};
use crate::db::Pool;

pub async fn schedule(pool: &Pool) -> sqlx::Result<FeeSchedule> {
    let fees =
        sqlx::query_as::<_, (String, i64)>("SELECT service_code, amount_kes FROM fees ORDER BY position, service_code")
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|(service_code, amount_kes)| Fee {
                service_code,
                amount_kes,
            })
            .collect();
    let bands =
        sqlx::query_as::<_, (i64, i64)>("SELECT min_amount_kes, fee_kes FROM access_fee_bands ORDER BY min_amount_kes")
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|(min_amount_kes, fee_kes)| AccessBand {
                min_amount_kes,
                fee_kes,
            })
            .collect();
    Ok(FeeSchedule { fees, bands })
}
