//! Evaluation against ../shared/corpus (see the README's "Evaluation" section).
//!
//! `cargo run --release --example eval -- body [--corpus DIR] [--min-f1 X]`
//! `cargo run --release --example eval -- meta [--corpus DIR] [--floors ...]`
//! `cargo run --release --example eval -- wcxb [--floors ...] [--ceilings ...] [--worst N] [--out F]`
//! `cargo run --release --example eval -- wcxb-meta [--floors ...] [--out F]`
//! `cargo run --release --example eval -- wet [--floors ...] [--ceilings ...] [--out F]`
//! `cargo run --release --example eval -- rdtext|structure [--floors ...] [--out F]`
//!
//! Each module's doc gives its metric and figure names; `--figures` lists
//! the names a run produced.
//!
//! wcxb-dev is split by the parity of the numeric page id: even ids are the
//! tuning half ("tune"), odd ids the held-back half ("held"); every wcxb
//! figure is printed for both.

mod body;
mod common;
mod meta;
mod metric;
mod readability;
mod wcxb;
mod wmeta;
mod zoo;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("body") => body::run(&args[1..]),
        Some("meta") => meta::run(&args[1..]),
        Some("wcxb") => wcxb::run(&args[1..], wcxb::Mode::Html),
        Some("wet") => wcxb::run(&args[1..], wcxb::Mode::Wet),
        Some("wcxb-meta") => wmeta::run(&args[1..]),
        Some("rdtext") => readability::run(&args[1..], readability::Which::Text),
        Some("structure") => readability::run(&args[1..], readability::Which::Structure),
        Some("zoo") => zoo::run(&args[1..]),
        _ => {
            eprintln!("usage: eval body|meta|wcxb|wcxb-meta|wet|rdtext|structure|zoo [options]");
            ExitCode::from(2)
        }
    }
}
