//! Checking 1,000,000 mixed tracking IDs (every format, valid and not,
//! some typed with full-width characters and hyphens).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use csba_domain::tracking::{check, check_digit};
use std::hint::black_box;

const N: usize = 1_000_000;

/// Deterministic pseudo-random digits (no rand dependency, same input on every run).
struct Lcg(u64);
impl Lcg {
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| {
                self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                char::from(b'0' + ((self.0 >> 33) % 10) as u8)
            })
            .collect()
    }
}

fn digit(c: Option<u8>) -> char {
    char::from(b'0' + c.unwrap_or(0))
}

fn ids() -> Vec<String> {
    let mut rng = Lcg(42);
    (0..N)
        .map(|i| match i % 8 {
            0 => {
                let s = rng.digits(8);
                format!("EV{s}{}CN", digit(check_digit::s10(s.as_bytes())))
            }
            1 => {
                let s = rng.digits(15);
                format!("1Z{s}{}", digit(check_digit::ups(s.as_bytes())))
            }
            2 => {
                let s = rng.digits(11);
                format!("{s}{}", digit(check_digit::mod7(s.as_bytes())))
            }
            3 => {
                // A USPS IMpb (94 + 19), half of them behind 420 + ZIP5.
                let s = format!("94{}", rng.digits(19));
                let routing = if i % 16 == 3 { "42010001" } else { "" };
                format!("{routing}{s}{}", digit(check_digit::mod10_weights_3_1(s.as_bytes())))
            }
            4 => format!("YT{}", rng.digits(16)),
            5 => rng.digits(12), // mostly a check-digit mismatch
            6 => format!("ｅｖ{}－{}ｃｎ", rng.digits(4), rng.digits(5)), // full width, normalized
            _ => format!("{}-{}", rng.digits(4), rng.digits(6)),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let ids = ids();
    let mut group = c.benchmark_group("tracking");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    group.bench_function("check 1,000,000 mixed IDs", |b| {
        b.iter(|| {
            let mut valid = 0usize;
            for id in &ids {
                valid += usize::from(check(black_box(id), None).is_valid());
            }
            valid
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
