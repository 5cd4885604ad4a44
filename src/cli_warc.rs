//! `copydesk warc`: WARC files in, one JSON line per page out, in input
//! order, extracted in parallel with a bounded number of records in flight.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use copydesk::warc::{Record, WarcReader};
use copydesk::{Article, Extractor};

use super::{PipelineArgs, WINDOW_PER_JOB, build_extractor, io_reason, next_in_order};

/// Arguments of `copydesk warc`.
#[derive(Debug, Args)]
pub(crate) struct WarcArgs {
    /// WARC files (plain, or gzip with one member per record as Common
    /// Crawl writes them; WET files too), read in order.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write the JSON Lines here instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// One output line: `article` or `error`, never both. `file` and `offset`
/// are given on error lines, to find the record again.
#[derive(serde::Serialize)]
struct Line<'a> {
    url: Option<&'a str>,
    warc_record_id: Option<&'a str>,
    warc_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// What the reading thread hands the workers.
enum Job {
    /// A record to extract from, with its file's name.
    Record(std::sync::Arc<str>, Box<Record>),
    /// A line already made: a file that could not be read (to the end).
    Ready(String),
}

/// What became of one line's record.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Extracted,
    Failed,
    BrokenFile,
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    pages: usize,
    failed: usize,
    broken_files: usize,
}

pub(crate) fn run(args: &WarcArgs) -> ExitCode {
    let extractor = match build_extractor(&args.pipeline) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = match pool.build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("copydesk: cannot start worker threads: {e}");
            return ExitCode::from(1);
        }
    };
    let mut sink: Box<dyn Write> = match &args.out {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("copydesk: {}: cannot write: {}", p.display(), io_reason(&e));
                return ExitCode::from(1);
            }
        },
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let total: u64 = args
        .paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let progress = crate::progress_bar(
        total,
        "{bar:40} {bytes}/{total_bytes} read, {msg}, {elapsed} elapsed, eta {eta}",
    );
    let limit = u64::try_from(extractor.limits().max_input_bytes).unwrap_or(u64::MAX);
    let result = run_pool(&pool, &extractor, &args.paths, limit, &mut sink, &progress);
    progress.finish_and_clear();
    match result {
        Ok(tally) => {
            if tally.failed > 0 || tally.broken_files > 0 {
                eprintln!(
                    "copydesk: {} pages, {} could not be extracted; {} files could not be read to the end",
                    tally.pages, tally.failed, tally.broken_files
                );
            }
            if tally.broken_files > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("copydesk: cannot write output: {e}");
            }
            ExitCode::from(1)
        }
    }
}

/// Reads the files record by record on this thread, extracts on the pool,
/// writes lines in input order. At most `threads × WINDOW_PER_JOB` records
/// are in flight or waiting to be written.
fn run_pool(
    pool: &rayon::ThreadPool,
    extractor: &Extractor,
    paths: &[PathBuf],
    max_record_bytes: u64,
    sink: &mut dyn Write,
    progress: &indicatif::ProgressBar,
) -> io::Result<Tally> {
    let window = pool.current_num_threads().max(1) * WINDOW_PER_JOB;
    let (done, results) = std::sync::mpsc::channel::<(usize, Option<(String, Outcome)>)>();
    let mut jobs = jobs(paths, max_record_bytes);
    let mut tally = Tally::default();
    pool.in_place_scope(|scope| {
        let mut submitted = 0usize;
        let mut next_write = 0usize;
        let mut waiting: BTreeMap<usize, Option<(String, Outcome)>> = BTreeMap::new();
        let mut exhausted = false;
        loop {
            while !exhausted && submitted < next_write + window {
                let Some((job, position)) = jobs.next() else {
                    exhausted = true;
                    break;
                };
                if let Some((base, pos)) = position {
                    progress.set_position(base + pos);
                }
                let (index, done) = (submitted, done.clone());
                match job {
                    Job::Ready(line) => {
                        let _ = done.send((index, Some((line, Outcome::BrokenFile))));
                    }
                    Job::Record(file, record) => scope.spawn(move |_| {
                        let line = record_line(extractor, &file, &record);
                        // The receiver outlives the scope; a send cannot fail.
                        let _ = done.send((index, line));
                    }),
                }
                submitted += 1;
            }
            if next_write == submitted {
                break;
            }
            let line = next_in_order(&mut waiting, &results, next_write)?;
            next_write += 1;
            // `None`: the record held no page (no line).
            if let Some((line, outcome)) = line {
                match outcome {
                    Outcome::Extracted => tally.pages += 1,
                    Outcome::Failed => {
                        tally.pages += 1;
                        tally.failed += 1;
                    }
                    Outcome::BrokenFile => tally.broken_files += 1,
                }
                sink.write_all(line.as_bytes())?;
                sink.write_all(b"\n")?;
                progress.set_message(format!("{} pages", tally.pages));
            }
            if waiting.is_empty() {
                sink.flush()?;
            }
        }
        sink.flush()?;
        Ok(tally)
    })
}

/// The records of every file in order, then a file's error line if it
/// could not be read to its end; with (bytes of earlier files, position in
/// this file) for the progress bar.
fn jobs(
    paths: &[PathBuf],
    max_record_bytes: u64,
) -> impl Iterator<Item = (Job, Option<(u64, u64)>)> + '_ {
    let mut base = 0u64;
    paths.iter().flat_map(move |path| {
        let name: std::sync::Arc<str> = path.display().to_string().into();
        let file_base = base;
        base += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let reader = WarcReader::open(path).map(|r| r.max_record_bytes(max_record_bytes));
        FileJobs {
            name,
            reader: Some(reader),
            base: file_base,
        }
    })
}

struct FileJobs {
    name: std::sync::Arc<str>,
    reader: Option<io::Result<WarcReader<io::BufReader<File>>>>,
    base: u64,
}

impl Iterator for FileJobs {
    type Item = (Job, Option<(u64, u64)>);

    fn next(&mut self) -> Option<Self::Item> {
        match self.reader.as_mut()? {
            Err(e) => {
                let reason = format!("cannot read: {}", io_reason(e));
                self.reader = None;
                Some((Job::Ready(file_error(&self.name, None, &reason)), None))
            }
            Ok(reader) => {
                let item = reader.next();
                let position = Some((self.base, reader.bytes_read()));
                match item {
                    None => {
                        self.reader = None;
                        None
                    }
                    Some(Ok(record)) => {
                        Some((Job::Record(self.name.clone(), Box::new(record)), position))
                    }
                    Some(Err(e)) => {
                        self.reader = None;
                        let line = file_error(&self.name, Some(e.offset), &e.to_string());
                        Some((Job::Ready(line), position))
                    }
                }
            }
        }
    }
}

fn file_error(file: &str, offset: Option<u64>, reason: &str) -> String {
    let message = format!("{file}: {reason}");
    eprintln!("copydesk: {message}");
    to_json(&Line {
        url: None,
        warc_record_id: None,
        warc_date: None,
        file: Some(file),
        offset,
        article: None,
        error: Some(&message),
    })
}

/// The line of one record, `None` when it holds no page.
fn record_line(extractor: &Extractor, file: &str, record: &Record) -> Option<(String, Outcome)> {
    // A compressed HTTP body is decoded up to the input limit, no further.
    let max_body = extractor.limits().max_input_bytes;
    let run = || -> Option<Result<Article, String>> {
        match record.page_with_limit(max_body) {
            Ok(None) => None,
            Ok(Some(page)) => Some(extractor.extract(page.input()).map_err(|e| e.to_string())),
            Err(e) => Some(Err(e.message)),
        }
    };
    // A panic in a heuristic must not take the other records down with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .unwrap_or_else(|_| Some(Err("internal error (panic) while extracting".to_owned())))?;
    let mut line = Line {
        url: record.target_uri.as_deref(),
        warc_record_id: record.record_id.as_deref(),
        warc_date: record.date.as_deref(),
        file: None,
        offset: None,
        article: None,
        error: None,
    };
    match &result {
        Ok(article) => {
            line.article = Some(article);
            Some((to_json(&line), Outcome::Extracted))
        }
        Err(reason) => {
            line.file = Some(file);
            line.offset = Some(record.offset);
            line.error = Some(reason);
            Some((to_json(&line), Outcome::Failed))
        }
    }
}

fn to_json(line: &Line<'_>) -> String {
    serde_json::to_string(line).unwrap_or_else(|e| {
        // Unreachable for our types; still one well-formed line.
        serde_json::json!({ "url": line.url, "error": format!("cannot serialize: {e}") })
            .to_string()
    })
}
