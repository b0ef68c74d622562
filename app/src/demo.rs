//! The demo registry: a seeded stand-in for the national register, KRA, NTSA's records and the fee table, so the
//! product is usable at once. The data lives in CSV files (app/demo-data/), embedded in the binary; loading is
//! idempotent (`ON CONFLICT DO NOTHING`) and skipped when the files have not changed since the last load.

pub mod year;

use std::hash::{Hash, Hasher};

use anyhow::Context;
use sqlx::Row;

use crate::db::Pool;

struct Table {
    name: &'static str,
    csv: &'static str,
    integers: &'static [&'static str],
}

/// In foreign-key order. The fee table is data too: fees change by gazette notice, not by release.
const TABLES: [Table; 16] = [
    Table {
        name: "register_people",
        csv: include_str!("../demo-data/people.csv"),
        integers: &["year_of_birth"],
    },
    Table {
        name: "organisations",
        csv: include_str!("../demo-data/organisations.csv"),
        integers: &[],
    },
    Table {
        name: "register_residents",
        csv: include_str!("../demo-data/residents.csv"),
        integers: &[],
    },
    Table {
        name: "register_diplomats",
        csv: include_str!("../demo-data/diplomats.csv"),
        integers: &[],
    },
    Table {
        name: "organisation_directors",
        csv: include_str!("../demo-data/directors.csv"),
        integers: &[],
    },
    Table {
        name: "vehicles",
        csv: include_str!("../demo-data/vehicles.csv"),
        integers: &["year", "engine_cc", "seats"],
    },
    Table {
        name: "vehicle_caveats",
        csv: include_str!("../demo-data/vehicle_caveats.csv"),
        integers: &[],
    },
    Table {
        name: "driving_licences",
        csv: include_str!("../demo-data/driving_licences.csv"),
        integers: &["unpaid_offences_kes"],
    },
    Table {
        name: "licence_classes",
        csv: include_str!("../demo-data/licence_classes.csv"),
        integers: &[],
    },
    Table {
        name: "tims_accounts",
        csv: include_str!("../demo-data/tims_accounts.csv"),
        integers: &[],
    },
    Table {
        name: "inspection_centres",
        csv: include_str!("../demo-data/inspection_centres.csv"),
        integers: &["daily_capacity"],
    },
    Table {
        name: "psv_routes",
        csv: include_str!("../demo-data/psv_routes.csv"),
        integers: &[],
    },
    Table {
        name: "test_units",
        csv: include_str!("../demo-data/test_units.csv"),
        integers: &["daily_capacity"],
    },
    Table {
        name: "collection_centres",
        csv: include_str!("../demo-data/collection_centres.csv"),
        integers: &[],
    },
    Table {
        name: "fees",
        csv: include_str!("../demo-data/fees.csv"),
        integers: &["amount_kes", "position"],
    },
    Table {
        name: "access_fee_bands",
        csv: include_str!("../demo-data/access_fee_bands.csv"),
        integers: &["min_amount_kes", "fee_kes"],
    },
];

/// Loads every demo table not yet loaded at its current content. Returns how many rows were inserted.
pub async fn load(pool: &Pool) -> anyhow::Result<u64> {
    let mut inserted = 0;
    let mut tx = pool.begin().await?;
    for table in &TABLES {
        let digest = digest(table.csv);
        let loaded: Option<String> = sqlx::query("SELECT digest FROM demo_seeds WHERE name = $1")
            .bind(table.name)
            .fetch_optional(&mut *tx)
            .await?
            .map(|row| row.try_get(0))
            .transpose()?;
        if loaded.as_deref() == Some(digest.as_str()) {
            continue;
        }
        inserted += load_table(&mut tx, table)
            .await
            .with_context(|| format!("demo table {}", table.name))?;
        sqlx::query(
            "INSERT INTO demo_seeds (name, digest) VALUES ($1, $2) \
             ON CONFLICT (name) DO UPDATE SET digest = excluded.digest",
        )
        .bind(table.name)
        .bind(digest)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(inserted)
}

async fn load_table(tx: &mut sqlx::Transaction<'_, sqlx::Any>, table: &Table) -> anyhow::Result<u64> {
    let mut reader = csv::Reader::from_reader(table.csv.as_bytes());
    let columns: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING",
        table.name,
        columns.join(", "),
        placeholders.join(", ")
    );
    let mut inserted = 0;
    for record in reader.records() {
        let record = record?;
        let mut query = sqlx::query(&sql);
        for (column, value) in columns.iter().zip(record.iter()) {
            query = if table.integers.contains(&column.as_str()) {
                query.bind(value.parse::<i64>().with_context(|| format!("{column} = {value:?}"))?)
            } else if value.is_empty() {
                query.bind(None::<String>)
            } else {
                query.bind(value.to_string())
            };
        }
        inserted += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(inserted)
}

/// A content digest; only ever compared with one this same binary stored, so std's hasher is enough.
fn digest(content: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut hasher);
    format!("{:016x}-{}", hasher.finish(), content.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_has_a_header_and_rows_of_its_width() {
        for table in &TABLES {
            let mut reader = csv::Reader::from_reader(table.csv.as_bytes());
            let width = reader.headers().unwrap().len();
            let rows: Vec<_> = reader.records().map(|r| r.unwrap()).collect();
            assert!(!rows.is_empty(), "{} is empty", table.name);
            assert!(rows.iter().all(|r| r.len() == width), "{} has ragged rows", table.name);
            for column in table.integers {
                let at = reader.headers().unwrap().iter().position(|h| h == *column).unwrap();
                assert!(
                    rows.iter().all(|r| r[at].parse::<i64>().is_ok()),
                    "{}.{column}",
                    table.name
                );
            }
        }
    }

    #[test]
    fn the_register_has_about_two_hundred_people() {
        let rows = TABLES[0].csv.lines().count() - 1;
        assert!((180..=400).contains(&rows), "{rows}");
    }
}
