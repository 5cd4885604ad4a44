//! The copydesk command-line tool.
fn main() {
    let path = std::env::args().nth(2).unwrap_or_default();
    let input = std::fs::read(&path).unwrap_or_default();
    match copydesk::extract_bytes(&input) {
        Ok(a) => println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default()),
        Err(e) => eprintln!("copydesk: {path}: {e}"),
    }
}
