use copydesk::{Extractor, Stage, heuristic_fn};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let ex = Extractor::builder()
        .add(heuristic_fn("label.zz-dump", Stage::Label, |d, _| {
            for (i, b) in d.blocks().iter().enumerate() {
                let t: String = b.text.chars().take(90).collect();
                eprintln!(
                    "{i:4} {:?} {:?} {:?} {:?}",
                    b.decided_by,
                    b.role,
                    std::mem::discriminant(&b.shape),
                    t
                );
            }
            Ok(())
        }))
        .build()
        .unwrap();
    let _ = ex.extract_bytes(&bytes);
}
