//! Importing a generated 100,000-row Amazon flat file: decode, parse and
//! validate every row (the path a bulk upload takes before it is sent).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use csba_domain::import::{decode, Orders};
use csba_domain::tracking::check_digit;
use std::fmt::Write;
use std::hint::black_box;

const ROWS: usize = 100_000;

fn flat_file() -> String {
    let mut out = String::from(
        "TemplateType=OrderFulfillment\tVersion=2011.1102\n\
         order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n",
    );
    for i in 0..ROWS {
        let order = format!("503-{:07}-{:07}", i % 9_999_999, (i * 7919) % 9_999_999);
        let tracking = match i % 3 {
            0 => {
                let s = format!("{:08}", i);
                format!("EV{s}{}CN", check_digit::s10(s.as_bytes()).unwrap_or(0))
            }
            1 => {
                let s = format!("{:011}", 10_000_000_000u64 + i as u64);
                format!("{s}{}", check_digit::mod7(s.as_bytes()).unwrap_or(0))
            }
            _ => {
                let s = format!("{:015}", i);
                format!("1Z{s}{}", check_digit::ups(s.as_bytes()).unwrap_or(0))
            }
        };
        let carrier = ["China Post", "Yamato Transport", "UPS"][i % 3];
        let _ = writeln!(out, "{order}\t{:014}\t1\t2024-05-01\t{carrier}\t\t{tracking}\tStandard", i);
    }
    out
}

fn bench(c: &mut Criterion) {
    let file = flat_file();
    // The benchmark must measure the success path: make sure it is one.
    let accepted = decode(file.as_bytes(), "flat.txt").map(|s| s.validate(Orders::Unknown).map(|b| b.shipments.len()));
    assert!(matches!(accepted, Ok(Ok(ROWS))), "the generated file must be valid");
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(20);
    group.bench_function("flat file, 100,000 rows", |b| {
        b.iter(|| {
            let source = decode(black_box(file.as_bytes()), "flat.txt").map_err(|r| r.problems.len());
            source.map(|s| s.validate(Orders::Unknown).map(|b| b.shipments.len()).unwrap_or(0))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
