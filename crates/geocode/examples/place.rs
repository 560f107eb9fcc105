//! Prints the ranked candidates for a place name, with the reasons.
//!
//! ```text
//! cargo run -p sitrep-geocode --example place -- Zeylik --in Kalbajar --country AZ
//! cargo run -p sitrep-geocode --example place -- "Kalbajar region"
//! cargo run -p sitrep-geocode --example place -- Kut --near 40.18,45.73 --region
//! ```
//!
//! `sitrep place` calls the same [`Gazetteer::describe_ranking`].

use sitrep_geocode::{Gazetteer, Hints};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut name = Vec::new();
    let mut hints = Hints::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--in" | "--admin" => hints.admin = args.next(),
            "--country" => hints.countries.extend(args.next()),
            "--near" => {
                let v = args.next().unwrap_or_default();
                let mut it = v.split(',').map(|x| x.trim().parse::<f64>());
                match (it.next(), it.next()) {
                    (Some(Ok(lat)), Some(Ok(lon))) => hints.near.push((lat, lon)),
                    _ => eprintln!("--near wants LAT,LON, got {v:?}"),
                }
            }
            "--region" => hints.want_region = true,
            "-h" | "--help" => {
                eprintln!(
                    "usage: place NAME... [--in REGION] [--country CC]... [--near LAT,LON]... [--region]"
                );
                return;
            }
            _ => name.push(a),
        }
    }
    let name = name.join(" ");
    if name.is_empty() {
        eprintln!(
            "usage: place NAME... [--in REGION] [--country CC]... [--near LAT,LON]... [--region]"
        );
        std::process::exit(2);
    }
    let g = Gazetteer::embedded();
    print!("{}", g.describe_ranking(&name, &hints));
}
