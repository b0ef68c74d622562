//! The server's clock, in unix seconds. In test mode (never in production) it can be moved forward, so the
//! end-to-end tests can check what happens after 24 hours or 30 days without waiting for them.

use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
    movable: bool,
}

impl Clock {
    pub fn new(movable: bool) -> Clock {
        Clock {
            offset_seconds: AtomicI64::new(0),
            movable,
        }
    }

    pub fn now(&self) -> i64 {
        let real = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        real + self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock forward; refused (false) unless the server runs in test mode.
    pub fn advance(&self, seconds: i64) -> bool {
        if self.movable && seconds > 0 {
            // Saturating: repeated steps can never wrap the clock round to the past.
            let _ = self
                .offset_seconds
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |offset| {
                    Some(offset.saturating_add(seconds).min(i64::MAX / 4))
                });
        }
        self.movable
    }

    /// How far the clock was moved forward, in seconds.
    pub fn offset(&self) -> i64 {
        self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock forward to `offset` if it is behind it (another process of the same test deployment moved
    /// first); never back, and never outside test mode.
    pub fn catch_up(&self, offset: i64) {
        if self.movable {
            self.offset_seconds
                .fetch_max(offset.min(i64::MAX / 4), Ordering::Relaxed);
        }
    }

    /// Today's date in Nairobi.
    pub fn today(&self) -> jiff::civil::Date {
        crate::calendar::date_of(self.now())
    }

    /// The calendar year now (in Nairobi), for rules such as "at least 16 years old".
    pub fn year(&self) -> i64 {
        i64::from(self.today().year())
    }
}

/// Test mode's clock shared through the database, so that the processes of one test deployment (three behind
/// nginx in `make cluster-test`) move together: the process that moves its clock writes the offset, and every
/// process reads it before each request and each sweep. Outside test mode none of this runs.
#[cfg(feature = "ssr")]
pub mod shared {
    use super::Clock;
    use crate::db::Pool;

    /// Writes this clock's offset, unless a process already wrote a later one.
    pub async fn publish(clock: &Clock, pool: &Pool) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO test_clock (id, offset_seconds) VALUES (1, $1) ON CONFLICT (id) DO UPDATE \
             SET offset_seconds = excluded.offset_seconds WHERE test_clock.offset_seconds < excluded.offset_seconds",
        )
        .bind(clock.offset())
        .execute(pool)
        .await?;
        Ok(())
    }

    /// Catches this clock up with the offset another process wrote.
    pub async fn catch_up(clock: &Clock, pool: &Pool) -> anyhow::Result<()> {
        if clock.movable {
            let offset: Option<i64> = sqlx::query_scalar("SELECT offset_seconds FROM test_clock WHERE id = 1")
                .fetch_optional(pool)
                .await?;
            clock.catch_up(offset.unwrap_or_default());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_test_mode_clock_moves() {
        let fixed = Clock::new(false);
        let before = fixed.now();
        assert!(!fixed.advance(86_400));
        fixed.catch_up(86_400);
        assert!(fixed.now() - before < 5);
        let movable = Clock::new(true);
        assert!(movable.advance(30 * 86_400));
        assert!(movable.now() - before >= 30 * 86_400);
    }

    #[test]
    fn the_year_turns_at_midnight_in_nairobi() {
        // 2024-12-31 21:00 UTC is midnight, 1 January 2025, in Nairobi.
        let at = |seconds: i64| {
            let c = Clock::new(true);
            c.offset_seconds.store(seconds - c.now(), Ordering::Relaxed);
            c.year()
        };
        assert_eq!(at(1_735_678_799), 2024);
        assert_eq!(at(1_735_678_800), 2025);
        assert!((2025..2100).contains(&Clock::new(false).year()));
    }
}
