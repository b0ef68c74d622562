//! Dates, measured: `cargo bench -p app --features ssr --bench calendar`. Prints the cost of what a page or a
//! service does with dates: a unix time to a Nairobi date, a date written out in Kiswahili, a moment with its time,
//! a licence expiry three years on, and a booking window of 30 working days. Numbers, not assertions.

use std::{hint::black_box, time::Instant};

use app::{calendar, i18n::Lang};

fn per_call(name: &str, runs: u32, mut f: impl FnMut(u32)) {
    // A first pass fills Fluent's caches and the zone, as a running server has.
    for i in 0..runs / 10 {
        f(i);
    }
    let start = Instant::now();
    for i in 0..runs {
        f(i);
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(runs);
    println!("{name:<42} {:>10.2} µs", ns / 1_000.0);
}

fn main() {
    let base: i64 = 1_741_905_000; // 13 March 2025, 22:30 UTC
    let day = |i: u32| base + i64::from(i % 5_000) * 86_400;
    println!("calendar (per call)");
    per_call("unix time -> Nairobi date", 200_000, |i| {
        black_box(calendar::date_of(black_box(day(i))));
    });
    per_call("\"14 Machi 2025\" (day_of, Kiswahili)", 100_000, |i| {
        black_box(calendar::day_of(Lang::Sw, black_box(day(i))));
    });
    per_call("\"14 March 2025 at 01:30\" (moment)", 100_000, |i| {
        black_box(calendar::moment(Lang::En, black_box(day(i))));
    });
    per_call("expiry: date + 3 years", 200_000, |i| {
        black_box(calendar::add_years(calendar::date_of(day(i)), 3));
    });
    per_call("30 working days ahead (holidays)", 20_000, |i| {
        black_box(calendar::add_working_days(calendar::date_of(day(i)), 30, &[]));
    });
}
