//! The layout of `src/` stays one-way: no two sibling modules use each other, directly or
//! through others (`matching::blocking` ↔ `matching::measure` was such a loop). Each file's
//! paths (`crate::…`, `super::…`, `self::…`) outside its tests are read as edges between the
//! sibling modules they cross, and the graph must have no cycle. A parent and its own children
//! may use each other (a `mod.rs` declares them; they read its types).
//!
//! And no function is longer than [`LONGEST_FUNCTION_LINES`]: a longer one holds several steps
//! that want names of their own.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every `.rs` file under `dir` (test-only `tests.rs` files aside), with its module path.
fn modules(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            modules(root, &p, out);
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.ends_with(".rs") || name == "tests.rs" {
            continue;
        }
        let rel = p.strip_prefix(root).expect("under src").with_extension("");
        let mut module: Module = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(
            module.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            module.pop();
        }
        let text = fs::read_to_string(&p).expect("a source file is UTF-8");
        out.insert(module, text);
    }
}

/// The code of a file without its test module and its line comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths written in `code` that start at `crate`, `super` or `self`, as segments.
fn paths(code: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| b[i..].starts_with(p.as_bytes()));
        let boundary = i == 0 || !ident(char::from(b[i - 1]));
        match starts {
            Some(_) if boundary => {
                let mut end = i;
                while end < b.len() && (ident(char::from(b[end])) || b[end..].starts_with(b"::")) {
                    end += if b[end..].starts_with(b"::") { 2 } else { 1 };
                }
                let segments = code[i..end]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                out.push(segments);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The module `path` (written in `from`) names: the longest known module it starts with.
fn target(from: &Module, path: &[String], known: &BTreeMap<Module, String>) -> Option<Module> {
    let mut base: Module = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        _ => from.clone(),
    };
    let mut rest = &path[1..];
    if path.first().map(String::as_str) == Some("super") {
        base.pop();
        while rest.first().map(String::as_str) == Some("super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    let full: Module = base.into_iter().chain(rest.iter().cloned()).collect();
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| known.contains_key(m))
}

/// The edges between siblings: `from` and `to` cut to the first level where they differ,
/// when neither is the other's ancestor.
fn sibling_edge(from: &Module, to: &Module) -> Option<(Module, Module)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    (common < from.len() && common < to.len())
        .then(|| (from[..=common].to_vec(), to[..=common].to_vec()))
}

#[test]
fn no_two_sibling_modules_use_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut known = BTreeMap::new();
    modules(&root, &root, &mut known);
    assert!(known.len() > 50, "{} modules found", known.len());
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, text) in &known {
        for p in paths(&code(text)) {
            if let Some(t) = target(m, &p, &known)
                && let Some((a, b)) = sibling_edge(m, &t)
            {
                graph.entry(a).or_default().insert(b);
            }
        }
    }
    assert!(graph.len() > 20, "{} modules use siblings", graph.len());
    // A cycle is an edge a → b with a path back from b to a.
    let reaches = |from: &Module, to: &Module| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            if &m == to {
                return true;
            }
            if seen.insert(m.clone()) {
                stack.extend(graph.get(&m).into_iter().flatten().cloned());
            }
        }
        false
    };
    let loops: Vec<String> = graph
        .iter()
        .flat_map(|(a, bs)| bs.iter().map(move |b| (a, b)))
        .filter(|(a, b)| reaches(b, a))
        .map(|(a, b)| format!("{} -> {}", a.join("::"), b.join("::")))
        .collect();
    assert!(loops.is_empty(), "import loops: {loops:#?}");
}

/// The reader sees a loop that is there: two modules written to use each other.
#[test]
fn a_loop_is_found() {
    let mut known = BTreeMap::new();
    let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
    known.insert(m("a"), "use crate::b::x;".to_string());
    known.insert(m("b"), "fn f() { super::a::y() }".to_string());
    known.insert(m("a::c"), "use super::super::b::z;".to_string());
    let edges: BTreeSet<(Module, Module)> = known
        .iter()
        .flat_map(|(from, text)| {
            paths(&code(text))
                .into_iter()
                .filter_map(|p| target(from, &p, &known))
                .filter_map(|t| sibling_edge(from, &t))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(edges.contains(&(m("a"), m("b"))));
    assert!(edges.contains(&(m("b"), m("a"))));
    // "a::c" uses "b": an edge of its ancestor "a".
    assert_eq!(edges.len(), 2);
}

/// The most lines a function of `src/` may take, its signature and closing brace included.
const LONGEST_FUNCTION_LINES: usize = 150;

/// The name of the function a trimmed line declares (`pub(crate) const fn name<T>(…`).
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(['(', '<']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The functions of the rustfmt-formatted `text` longer than `most` lines, as (name, line
/// number, lines). A body opens on the line that ends the signature with `{` and closes on the
/// first later line that is the declaration's indentation and `}`.
fn long_functions(text: &str, most: usize) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(name) = declared_fn(trimmed) else {
            continue;
        };
        let indent = &line[..line.len() - trimmed.len()];
        let Some(open) = (i..lines.len()).find(|&j| {
            let l = lines[j].trim_end();
            l.ends_with('{') || l.ends_with(';') || l.ends_with('}')
        }) else {
            continue;
        };
        if !lines[open].trim_end().ends_with('{') {
            // A declaration without a body, or a body on one line.
            continue;
        }
        let close = format!("{indent}}}");
        if let Some(end) = (open + 1..lines.len()).find(|&k| lines[k] == close) {
            let n = end - i + 1;
            if n > most {
                out.push((name.to_string(), i + 1, n));
            }
        }
    }
    out
}

#[test]
fn no_function_is_longer_than_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut known = BTreeMap::new();
    modules(&root, &root, &mut known);
    let long: Vec<String> = known
        .iter()
        .flat_map(|(m, text)| {
            long_functions(text, LONGEST_FUNCTION_LINES)
                .into_iter()
                .map(move |(f, line, n)| format!("{}::{f} (line {line}): {n} lines", m.join("::")))
        })
        .collect();
    assert!(
        long.is_empty(),
        "functions over {LONGEST_FUNCTION_LINES} lines: {long:#?}"
    );
}

/// The reader finds a long function, with a where clause, and not a short one, a bodiless
/// declaration or a one-line body.
#[test]
fn a_long_function_is_found() {
    let body = |n: usize| "        x += 1;\n".repeat(n);
    let text = format!(
        "impl A {{\n    pub(crate) fn long<T>(x: T)\n    where\n        T: Copy,\n    {{\n{}    }}\n\n    \
         fn short() {{\n{}    }}\n    fn one() {{}}\n    fn bodiless();\n}}\n",
        body(10),
        body(3)
    );
    assert_eq!(long_functions(&text, 14), vec![("long".to_string(), 2, 15)]);
    assert!(long_functions(&text, 15).is_empty());
}
