//! Evaluation against ../shared/corpus (see the README's "Evaluation" section).
//!
//! `cargo run --release --example eval -- body [--corpus DIR] [--min-f1 X]`
//! `cargo run --release --example eval -- meta [--corpus DIR] [--floors ...]`

mod body;
mod meta;
mod metric;
mod zoo;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("body") => body::run(&args[1..]),
        Some("meta") => meta::run(&args[1..]),
        Some("zoo") => zoo::run(&args[1..]),
        _ => {
            eprintln!("usage: eval body|meta [options]");
            ExitCode::from(2)
        }
    }
}
