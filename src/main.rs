//! The copydesk command-line tool: flags → [`copydesk::ExtractorBuilder`] →
//! render. Extraction logic lives in the library, not here.
//!
//! Exit codes: 0 success; 1 an input could not be extracted (for `batch`:
//! at least one input failed, the others were still written); 2 usage error.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod cli_warc;
use copydesk::{Article, Extractor, Favor, Input, Kind, Limits, SiteRules};

/// Turn scraped article pages and text dumps into structured articles.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract one article and print it (JSON by default).
    Extract {
        /// The input file (`.gz` allowed); `-` or nothing reads stdin.
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// What the input is; `auto` detects HTML vs text from the content.
        #[arg(long, value_enum, default_value_t = KindArg::Auto)]
        kind: KindArg,
        /// The page's URL: resolves relative links, fallback canonical URL.
        #[arg(long)]
        url: Option<String>,
        /// The input's charset (an HTTP `Content-Type` charset label such as
        /// `windows-1252`); it wins over `<meta charset>`. Unknown labels fail.
        #[arg(long, value_name = "LABEL")]
        charset: Option<String>,
        /// Also write the extraction report as JSON (heuristics run, the main
        /// content chosen and why, fallbacks, where the lede and each section
        /// came from, the body-size check, notes): `--report` or `--report=-`
        /// to stderr, `--report=FILE` to a file. Stdout is unchanged.
        #[arg(
            long,
            value_name = "FILE",
            num_args = 0..=1,
            require_equals = true,
            default_missing_value = "-"
        )]
        report: Option<PathBuf>,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Extract many files (directories are searched recursively) to JSON
    /// Lines, or to one file per input with --out-dir.
    Batch {
        /// Files and directories. Directories contribute their `.html`,
        /// `.htm` and `.txt` files (each optionally `.gz`), sorted by path.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON Lines here instead of stdout.
        #[arg(long, conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        /// Write one file per input under DIR instead: the input's path
        /// (relative to the directory argument it was found in) with the
        /// format's extension (`.json`, `.md`, `.txt`, `.html`).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Output format: JSON Lines (`json`, the default) on stdout or
        /// --out; `markdown`, `text`, `html` (and `json`) per file with --out-dir.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Worker threads (default: all cores).
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// What the inputs are; `auto` detects HTML vs text per input.
        #[arg(long, value_enum, default_value_t = KindArg::Auto)]
        kind: KindArg,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Extract the HTML pages and WET texts of WARC files to JSON Lines.
    Warc(cli_warc::WarcArgs),
    /// Print the JSON Schema of the Article JSON.
    Schema,
    /// List the built-in heuristics: name, stage, description.
    Heuristics,
}

#[derive(Debug, Args)]
struct PipelineArgs {
    /// Disable a heuristic by name (repeatable); see `copydesk heuristics`.
    #[arg(long = "disable", value_name = "NAME")]
    disable: Vec<String>,
    /// Largest input accepted, in bytes (after gzip decompression); larger
    /// inputs fail. Default 64 MiB.
    #[arg(long, value_name = "N")]
    max_input_bytes: Option<usize>,
    /// Most DOM nodes an HTML page may parse into; larger pages fail.
    /// Default 4000000.
    #[arg(long, value_name = "N")]
    max_nodes: Option<usize>,
    /// Deepest tag nesting parsed; deeper tags are left out while
    /// parsing, their text kept. Default 1024.
    #[arg(long, value_name = "N")]
    max_nesting: Option<usize>,
    /// Deepest element nesting read as structure; deeper content is read as
    /// flat text. Default 512.
    #[arg(long, value_name = "N")]
    max_depth: Option<usize>,
    /// Most blocks kept per input; later blocks are dropped. Default 100000.
    #[arg(long, value_name = "N")]
    max_blocks: Option<usize>,
    /// Per-site rules (headline / body / remove selectors per domain) from
    /// a JSON file; see the `copydesk::site_rules` docs for the format.
    #[arg(long, value_name = "FILE")]
    site_rules: Option<PathBuf>,
    /// Also read the page's comments (or a post's replies) into the
    /// Article's `comments` list (a comment is never also in the body).
    #[arg(long)]
    comments: bool,
    /// How much borderline content to keep: precision drops more of what
    /// may be chrome, recall keeps more of what may be text.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FavorArg {
    Precision,
    Balanced,
    Recall,
}

impl From<FavorArg> for Favor {
    fn from(f: FavorArg) -> Favor {
        match f {
            FavorArg::Precision => Favor::Precision,
            FavorArg::Balanced => Favor::Balanced,
            FavorArg::Recall => Favor::Recall,
        }
    }
}

impl PipelineArgs {
    /// The default limits with the flags given applied.
    fn limits(&self) -> Limits {
        let mut limits = Limits::default();
        if let Some(n) = self.max_input_bytes {
            limits = limits.max_input_bytes(n);
        }
        if let Some(n) = self.max_nodes {
            limits = limits.max_nodes(n);
        }
        if let Some(n) = self.max_nesting {
            limits = limits.max_nesting(n);
        }
        if let Some(n) = self.max_depth {
            limits = limits.max_depth(n);
        }
        if let Some(n) = self.max_blocks {
            limits = limits.max_blocks(n);
        }
        limits
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Markdown,
    Text,
    /// Cleaned, minimal, safe HTML.
    Html,
}

impl Format {
    /// The extension of a file of this format written by `batch --out-dir`.
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    Auto,
    Html,
    Text,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Auto => Kind::Auto,
            KindArg::Html => Kind::Html,
            KindArg::Text => Kind::Text,
        }
    }
}

/// Files a directory contributes to a batch (also after a `.gz`).
const BATCH_EXTENSIONS: [&str; 3] = ["html", "htm", "txt"];

/// How many inputs are in flight per worker: bounds memory while keeping
/// workers busy when input sizes vary.
const WINDOW_PER_JOB: usize = 8;

fn main() -> ExitCode {
    // A bug must still end in one line on stderr, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string().replace('\n', ": ");
        eprintln!("copydesk: internal error: {message}");
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            path,
            format,
            kind,
            url,
            charset,
            report,
            pipeline,
        } => extract(
            path.as_deref(),
            format,
            ExtractOptions {
                kind: kind.into(),
                url: url.as_deref(),
                charset: charset.as_deref(),
                report: report.as_deref(),
            },
            &pipeline,
        ),
        Command::Batch {
            paths,
            out,
            out_dir,
            format,
            jobs,
            kind,
            pipeline,
        } => {
            let output = match (out_dir, format) {
                (Some(root), format) => Output::Dir { root, format },
                (None, Format::Json) => Output::Lines(out),
                (None, format) => {
                    eprintln!(
                        "copydesk: --format {} writes one file per input: give --out-dir DIR \
                         (JSON Lines go to stdout or --out)",
                        format.extension()
                    );
                    return ExitCode::from(2);
                }
            };
            batch(&paths, &output, jobs, kind.into(), &pipeline)
        }
        Command::Warc(args) => cli_warc::run(&args),
        Command::Schema => print_stdout(&pretty_json(&copydesk::schema())),
        Command::Heuristics => {
            let all = copydesk::builtin_heuristics();
            let name_width = all.iter().map(|(n, ..)| n.len()).max().unwrap_or(0);
            let mut out = String::new();
            for (name, stage, description) in all {
                out.push_str(&format!(
                    "{name:<name_width$}  {:<9} {description}\n",
                    stage.as_str()
                ));
            }
            print_stdout(&out)
        }
    }
}

/// Builds the one shared extractor; a bad flag is a usage error (exit 2).
fn build_extractor(args: &PipelineArgs) -> Result<Extractor, ExitCode> {
    let mut builder = Extractor::builder();
    for name in &args.disable {
        builder = builder.disable(name);
    }
    if let Some(path) = &args.site_rules {
        let rules = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|json| SiteRules::from_json(&json).map_err(|e| e.to_string()));
        match rules {
            Ok(rules) => builder = builder.site_rules(rules),
            Err(e) => {
                eprintln!("copydesk: --site-rules {}: {e}", path.display());
                return Err(ExitCode::from(2));
            }
        }
    }
    builder = builder.comments(args.comments).favor(args.favor.into());
    builder.limits(args.limits()).build().map_err(|e| {
        eprintln!("copydesk: {e} (see `copydesk heuristics`)");
        ExitCode::from(2)
    })
}

/// The per-input flags of `extract`.
struct ExtractOptions<'a> {
    kind: Kind,
    url: Option<&'a str>,
    charset: Option<&'a str>,
    /// Where the report goes: `-` for stderr, else a file.
    report: Option<&'a Path>,
}

fn extract(
    path: Option<&Path>,
    format: Format,
    options: ExtractOptions<'_>,
    pipeline: &PipelineArgs,
) -> ExitCode {
    let extractor = match build_extractor(pipeline) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let limit = extractor.limits().max_input_bytes;
    if path.is_none() && io::stdin().is_terminal() {
        eprintln!("copydesk: no input: give a PATH, or `-` and pipe the input to stdin");
        return ExitCode::from(2);
    }
    let (name, bytes) = match path {
        None => ("<stdin>".to_owned(), read_stdin(limit)),
        Some(p) if p.as_os_str() == "-" => ("<stdin>".to_owned(), read_stdin(limit)),
        Some(p) => (p.display().to_string(), read_input(p, limit)),
    };
    let result = bytes.and_then(|bytes| {
        let mut input = Input::bytes(&bytes).kind(options.kind);
        if let Some(url) = options.url {
            input = input.url(url);
        }
        if let Some(charset) = options.charset {
            input = input.charset(charset);
        }
        let result = if options.report.is_some() {
            extractor
                .extract_with_report(input)
                .map(|(article, report)| (article, Some(report)))
        } else {
            extractor.extract(input).map(|article| (article, None))
        };
        result.map_err(|e| e.to_string())
    });
    match result {
        Ok((article, report)) => {
            let code = print_stdout(&render(&article, format));
            match (report, options.report) {
                (Some(report), Some(dest)) => match write_report(&report, dest) {
                    Ok(()) => code,
                    Err(reason) => {
                        eprintln!("copydesk: {reason}");
                        ExitCode::from(1)
                    }
                },
                _ => code,
            }
        }
        Err(reason) => {
            eprintln!("copydesk: {name}: {reason}");
            ExitCode::from(1)
        }
    }
}

/// Writes the report as pretty JSON to stderr (`-`) or a file.
fn write_report(report: &copydesk::Report, dest: &Path) -> Result<(), String> {
    let json = pretty_json(report);
    if dest.as_os_str() == "-" {
        let mut err = io::stderr().lock();
        return err
            .write_all(json.as_bytes())
            .and_then(|()| err.flush())
            .map_err(|e| format!("cannot write the report: {e}"));
    }
    std::fs::write(dest, json).map_err(|e| {
        format!(
            "{}: cannot write the report: {}",
            dest.display(),
            io_reason(&e)
        )
    })
}

fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Json => pretty_json(article),
        Format::Markdown => article.to_markdown(),
        Format::Text => article.to_text(),
        Format::Html => article.to_html(),
    }
}

fn pretty_json<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Serializing our own types to a string cannot fail; say so if it does.
        Err(e) => format!("{}\n", serde_json::json!({ "error": e.to_string() })),
    }
}

fn print_stdout(s: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copydesk: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads a file, gunzipping `.gz` files (and any file with the gzip magic
/// bytes), refusing to read more than `limit` bytes.
fn read_input(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    let is_gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let raw = read_limited(file, limit, is_gz)?;
    decompress_if_gzip(raw, limit, is_gz)
}

fn read_stdin(limit: usize) -> Result<Vec<u8>, String> {
    let raw = read_limited(io::stdin().lock(), limit, false)?;
    decompress_if_gzip(raw, limit, false)
}

/// Reads at most `limit` bytes (a compressed stream may be as large as its
/// content, so it gets the same bound).
fn read_limited(reader: impl Read, limit: usize, compressed: bool) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if buf.len() > limit {
        let what = if compressed {
            "compressed input"
        } else {
            "input"
        };
        return Err(format!(
            "{what} is over the size limit of {limit} bytes (see --max-input-bytes)"
        ));
    }
    Ok(buf)
}

fn decompress_if_gzip(raw: Vec<u8>, limit: usize, named_gz: bool) -> Result<Vec<u8>, String> {
    let has_magic = raw.starts_with(&[0x1f, 0x8b]);
    if !has_magic {
        if named_gz && !raw.is_empty() {
            return Err("bad gzip data: not a gzip file".to_owned());
        }
        return Ok(raw);
    }
    let decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    decoder
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad gzip data: {e}"))?;
    if out.len() > limit {
        return Err(format!(
            "decompressed input is over the size limit of {limit} bytes (see --max-input-bytes)"
        ));
    }
    Ok(out)
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => e.to_string(),
    }
}

/// One batch input: the file to read and the name written as `source`, or
/// an argument that could not be expanded and why.
#[derive(Debug, Clone, PartialEq)]
struct BatchInput {
    path: PathBuf,
    source: String,
    error: Option<String>,
    /// With --out-dir: the file this input's output goes to.
    out_file: Option<PathBuf>,
}

/// One JSON line of `batch` output: `article` or `error`, never both.
#[derive(serde::Serialize)]
struct BatchLine<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Where `batch` writes.
#[derive(Debug)]
enum Output {
    /// JSON Lines to this file, or stdout.
    Lines(Option<PathBuf>),
    /// One file per input under `root`.
    Dir { root: PathBuf, format: Format },
}

fn batch(
    paths: &[PathBuf],
    output: &Output,
    jobs: Option<u16>,
    kind: Kind,
    pipeline: &PipelineArgs,
) -> ExitCode {
    let extractor = match build_extractor(pipeline) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = match pool.build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("copydesk: cannot start worker threads: {e}");
            return ExitCode::from(1);
        }
    };
    let mut inputs = collect_inputs(paths);
    if inputs.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "copydesk: no input files found in {} (directories contribute .html, .htm and .txt files, optionally .gz)",
            names.join(", ")
        );
        return ExitCode::from(2);
    }
    let mut sink: Box<dyn Write> = match output {
        Output::Lines(Some(p)) => match File::create(p) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("copydesk: {}: cannot write: {}", p.display(), io_reason(&e));
                return ExitCode::from(1);
            }
        },
        Output::Lines(None) => Box::new(io::BufWriter::new(io::stdout().lock())),
        Output::Dir { root, format } => {
            if let Err(e) = std::fs::create_dir_all(root) {
                eprintln!(
                    "copydesk: {}: cannot write: {}",
                    root.display(),
                    io_reason(&e)
                );
                return ExitCode::from(1);
            }
            plan_out_files(&mut inputs, root, *format);
            Box::new(io::sink())
        }
    };
    let format = match output {
        Output::Dir { format, .. } => Some(*format),
        Output::Lines(_) => None,
    };
    let progress = progress_bar(
        inputs.len() as u64,
        "{bar:40} {pos}/{len} files, {elapsed} elapsed, eta {eta}",
    );
    let job = BatchJob {
        extractor: &extractor,
        kind,
        format,
    };
    let result = write_batch(&pool, &job, &inputs, &mut sink, &progress);
    progress.finish_and_clear();
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("copydesk: {failed} of {} inputs failed", inputs.len());
            ExitCode::from(1)
        }
        Err(e) => {
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("copydesk: cannot write output: {e}");
            }
            ExitCode::from(1)
        }
    }
}

/// What every batch worker shares.
struct BatchJob<'a> {
    extractor: &'a Extractor,
    kind: Kind,
    /// `Some` with --out-dir: each worker writes its input's file.
    format: Option<Format>,
}

/// Gives each input its output file under `root`: the source name (the
/// path below its directory argument; a file argument's path without its
/// root, `.` or `..` parts) with the compression and input extension
/// replaced by the format's. Two inputs that would write the same file:
/// the second is an error instead.
fn plan_out_files(inputs: &mut [BatchInput], root: &Path, format: Format) {
    let mut taken = std::collections::HashSet::new();
    for input in inputs.iter_mut().filter(|i| i.error.is_none()) {
        let mut rel = PathBuf::new();
        for c in Path::new(&input.source).components() {
            if let std::path::Component::Normal(part) = c {
                rel.push(part);
            }
        }
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        let mut stem_len = name.len();
        if lower.ends_with(".gz") {
            stem_len -= 3;
        }
        if let Some(dot) = lower[..stem_len].rfind('.').filter(|&d| d > 0) {
            let ext = &lower[dot + 1..stem_len];
            if BATCH_EXTENSIONS.contains(&ext) {
                stem_len = dot;
            }
        }
        let file = format!("{}.{}", &name[..stem_len], format.extension());
        let path = root.join(rel.with_file_name(file));
        if taken.insert(path.clone()) {
            input.out_file = Some(path);
        } else {
            input.error = Some(format!(
                "another input already writes {} (give the inputs distinct names)",
                path.display()
            ));
        }
    }
}

/// Extracts the inputs on the pool and writes their lines in input order as
/// soon as each is ready. At most `threads × WINDOW_PER_JOB` inputs are in
/// flight or waiting to be written, so output streams and memory stays
/// bounded; a slow page holds back only the writing, never the workers.
/// Returns how many inputs failed.
fn write_batch(
    pool: &rayon::ThreadPool,
    job: &BatchJob<'_>,
    inputs: &[BatchInput],
    sink: &mut dyn Write,
    progress: &indicatif::ProgressBar,
) -> io::Result<usize> {
    let window = pool.current_num_threads().max(1) * WINDOW_PER_JOB;
    let (done, results) = std::sync::mpsc::channel::<(usize, (String, Option<String>))>();
    pool.in_place_scope(|scope| {
        let mut failed = 0;
        let mut next_submit = 0;
        let mut waiting = std::collections::BTreeMap::new();
        for next_write in 0..inputs.len() {
            while next_submit < inputs.len() && next_submit < next_write + window {
                let (index, input, done) = (next_submit, &inputs[next_submit], done.clone());
                scope.spawn(move |_| {
                    let line = batch_one(job, input);
                    progress.inc(1);
                    // The receiver outlives the scope; a send cannot fail.
                    let _ = done.send((index, line));
                });
                next_submit += 1;
            }
            let (line, error) = next_in_order(&mut waiting, &results, next_write)?;
            if let Some(reason) = error {
                failed += 1;
                progress.suspend(|| eprintln!("copydesk: {reason}"));
            }
            if job.format.is_none() {
                sink.write_all(line.as_bytes())?;
                sink.write_all(b"\n")?;
            }
            if waiting.is_empty() {
                // Nothing else is ready: let readers see what there is.
                sink.flush()?;
            }
        }
        sink.flush()?;
        Ok(failed)
    })
}

/// A progress bar of `len` units drawn with `template` on a terminal; a
/// hidden one when stderr is not a terminal (a pipe or a log file).
fn progress_bar(len: u64, template: &str) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// The result of job `next` from workers that finish in any order: taken
/// from `waiting` when it came early, else received, keeping the others
/// that arrive first in `waiting`. An error only when every sender is gone
/// (the workers stopped), which the callers' scopes rule out.
fn next_in_order<T>(
    waiting: &mut std::collections::BTreeMap<usize, T>,
    results: &std::sync::mpsc::Receiver<(usize, T)>,
    next: usize,
) -> io::Result<T> {
    loop {
        if let Some(ready) = waiting.remove(&next) {
            return Ok(ready);
        }
        let (index, result) = results
            .recv()
            .map_err(|_| io::Error::other("worker threads stopped"))?;
        waiting.insert(index, result);
    }
}

/// Extracts one batch input to its JSON line (or, with --out-dir, writes
/// its file and returns an empty line), plus "source: reason" when it failed.
fn batch_one(job: &BatchJob<'_>, input: &BatchInput) -> (String, Option<String>) {
    if let Some(reason) = &input.error {
        let message = format!("{}: {reason}", input.source);
        return (error_line(&input.source, reason), Some(message));
    }
    let limit = job.extractor.limits().max_input_bytes;
    let run = || {
        read_input(&input.path, limit).and_then(|bytes| {
            job.extractor
                .extract(Input::bytes(&bytes).kind(job.kind))
                .map_err(|e| e.to_string())
        })
    };
    // A panic in a heuristic must not take the other inputs down with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .unwrap_or_else(|_| Err("internal error (panic) while extracting".to_owned()));
    let result = match (result, job.format, &input.out_file) {
        (Ok(article), Some(format), Some(path)) => write_out_file(path, &render(&article, format))
            .map(|()| String::new())
            .map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e))),
        (Ok(article), _, _) => Ok(to_json_line(&BatchLine {
            source: &input.source,
            article: Some(&article),
            error: None,
        })),
        (Err(reason), ..) => Err(reason),
    };
    match result {
        Ok(line) => (line, None),
        Err(reason) => {
            let message = format!("{}: {reason}", input.source);
            (error_line(&input.source, &reason), Some(message))
        }
    }
}

fn write_out_file(path: &Path, contents: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, contents)
}

fn error_line(source: &str, reason: &str) -> String {
    to_json_line(&BatchLine {
        source,
        article: None,
        error: Some(reason),
    })
}

fn to_json_line(line: &BatchLine<'_>) -> String {
    serde_json::to_string(line).unwrap_or_else(|e| {
        // Unreachable for our types; still one well-formed line.
        serde_json::json!({ "source": line.source, "error": format!("cannot serialize: {e}") })
            .to_string()
    })
}

/// Expands the arguments into inputs, in argument order; each directory's
/// files sorted by path. An argument that cannot be read becomes an input
/// carrying its error, in its place.
fn collect_inputs(args: &[PathBuf]) -> Vec<BatchInput> {
    let mut inputs = Vec::new();
    for arg in args {
        let failed = |reason: String| BatchInput {
            path: arg.clone(),
            source: arg.to_string_lossy().into_owned(),
            error: Some(reason),
            out_file: None,
        };
        match std::fs::metadata(arg) {
            Ok(m) if m.is_dir() => match walk_dir(arg) {
                Ok(files) => inputs.extend(files.into_iter().map(|path| {
                    let source = path
                        .strip_prefix(arg)
                        .map(slash_path)
                        .unwrap_or_else(|_| path.to_string_lossy().into_owned());
                    BatchInput {
                        path,
                        source,
                        error: None,
                        out_file: None,
                    }
                })),
                Err(reason) => inputs.push(failed(reason)),
            },
            // A file argument is its own source, as given.
            Ok(_) => inputs.push(BatchInput {
                path: arg.clone(),
                source: arg.to_string_lossy().into_owned(),
                error: None,
                out_file: None,
            }),
            Err(e) => inputs.push(failed(format!("cannot read: {}", io_reason(&e)))),
        }
    }
    inputs
}

/// Every batch file under `root`, sorted. Iterative; symlinked directories
/// are not followed (no cycles).
fn walk_dir(root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| format!("cannot read directory {}: {}", dir.display(), io_reason(&e)))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if (ft.is_file() || (ft.is_symlink() && path.is_file())) && is_batch_file(&path)
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn is_batch_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    BATCH_EXTENSIONS
        .iter()
        .any(|ext| name.len() > ext.len() + 1 && name.ends_with(&format!(".{ext}")))
}

/// A relative path as text with `/` separators, so sources are the same on
/// every OS.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_file_table() {
        for hit in ["a.html", "B.HTM", "c.txt", "d.html.gz", "e.TXT.GZ"] {
            assert!(is_batch_file(Path::new(hit)), "{hit}");
        }
        for miss in ["a.json", "b.gz", "c.tar.gz", ".txt", "notes.md", "html"] {
            assert!(!is_batch_file(Path::new(miss)), "{miss}");
        }
    }

    #[test]
    fn out_files_mirror_sources() {
        let input = |source: &str| BatchInput {
            path: PathBuf::from(source),
            source: source.to_owned(),
            error: None,
            out_file: None,
        };
        let mut inputs = vec![
            input("a.html"),
            input("sub/deeper/b.HTM.gz"),
            input("../up/c.txt"),
            input("notes.v2.txt"),
            input("/abs/a.html"),
            input("sub/deeper/b.htm"),
        ];
        plan_out_files(&mut inputs, Path::new("out"), Format::Markdown);
        let files: Vec<_> = inputs
            .iter()
            .map(|i| i.out_file.as_ref().map(|p| slash_path(p)))
            .collect();
        assert_eq!(
            files,
            [
                Some("out/a.md".to_owned()),
                Some("out/sub/deeper/b.md".to_owned()),
                Some("out/up/c.md".to_owned()),
                Some("out/notes.v2.md".to_owned()),
                Some("out/abs/a.md".to_owned()),
                None,
            ]
        );
        assert!(
            inputs[5]
                .error
                .as_deref()
                .unwrap()
                .contains("already writes")
        );
    }

    #[test]
    fn gzip_is_detected_by_magic_and_bounded() {
        use std::io::Write as _;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&[b'a'; 100]).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(
            decompress_if_gzip(gz.clone(), 100, false).unwrap().len(),
            100
        );
        assert!(
            decompress_if_gzip(gz, 99, true)
                .unwrap_err()
                .contains("over the size limit")
        );
        assert!(
            decompress_if_gzip(b"plain".to_vec(), 10, true)
                .unwrap_err()
                .contains("bad gzip")
        );
        assert_eq!(
            decompress_if_gzip(b"plain".to_vec(), 10, false).unwrap(),
            b"plain"
        );
    }

    #[test]
    fn limit_flags_reach_the_limits() {
        let cli = Cli::parse_from([
            "copydesk",
            "extract",
            "--max-input-bytes",
            "10",
            "--max-nodes",
            "20",
            "--max-depth",
            "30",
            "--max-blocks",
            "40",
            "--max-nesting",
            "50",
            "x.html",
        ]);
        let Command::Extract { pipeline, .. } = cli.command else {
            panic!("parsed as extract");
        };
        let l = pipeline.limits();
        assert_eq!(
            (
                l.max_input_bytes,
                l.max_nodes,
                l.max_depth,
                l.max_blocks,
                l.max_nesting
            ),
            (10, 20, 30, 40, 50)
        );
        let cli = Cli::parse_from(["copydesk", "batch", "dir"]);
        let Command::Batch { pipeline, .. } = cli.command else {
            panic!("parsed as batch");
        };
        assert_eq!(pipeline.limits(), Limits::default());
    }

    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
