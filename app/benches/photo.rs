//! The photo check, measured: `cargo bench -p app --features samples --bench photo`.
//! Prints the time to check and re-encode a 500 x 500 JPEG (target p95 ≤ 30 ms), and the time and peak memory
//! growth to refuse a 20,000 x 20,000 PNG bomb (targets ≤ 5 ms, ≤ 16 MB). Numbers, not assertions.

use std::{
    alloc::{GlobalAlloc, Layout, System},
    sync::atomic::{AtomicUsize, Ordering},
    time::{Duration, Instant},
};

use app::photo::check::{clean, samples};
use image::{codecs::jpeg::JpegEncoder, Rgb, RgbImage};

/// Counts live bytes and their high-water mark, to see what one call allocates at its peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A photo-like picture: a gradient with noise, so it compresses like a camera's output (a flat picture would
/// flatter the encoder).
fn camera_like(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let picture = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed % 48) as u32;
        Rgb([
            ((x * 255 / width + noise) % 256) as u8,
            ((y * 255 / height + noise) % 256) as u8,
            ((x + y + noise) % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&picture)
        .unwrap();
    out
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1)]
}

fn measure(name: &str, runs: usize, bytes: &[u8], expect_ok: bool) {
    let mut times = Vec::with_capacity(runs);
    let mut growth = 0;
    for _ in 0..runs {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let started = Instant::now();
        let result = clean(bytes);
        times.push(started.elapsed());
        growth = growth.max(PEAK.load(Ordering::Relaxed) - before);
        assert_eq!(result.is_ok(), expect_ok, "{name}: {:?}", result.err());
    }
    println!(
        "{name:<44} {:>6} KB  p50 {:>8.3} ms  p95 {:>8.3} ms  max {:>8.3} ms  peak growth {:>6.2} MB",
        bytes.len() / 1024,
        percentile(&mut times, 0.50).as_secs_f64() * 1e3,
        percentile(&mut times, 0.95).as_secs_f64() * 1e3,
        percentile(&mut times, 1.0).as_secs_f64() * 1e3,
        growth as f64 / (1024.0 * 1024.0),
    );
}

fn main() {
    let photo = camera_like(500, 500);
    let large = camera_like(1200, 1600);
    let png = samples::png(500, 500);
    let bomb = samples::png_bomb(20_000);
    println!(
        "photo check ({} runs each; peak growth = most memory one call held at once)",
        200
    );
    measure("500 x 500 JPEG: check + re-encode", 200, &photo, true);
    measure("500 x 500 PNG: check + re-encode", 200, &png, true);
    measure("1200 x 1600 JPEG: refused from the header", 200, &large, false);
    measure("20000 x 20000 PNG bomb: refused", 200, &bomb, false);
}
