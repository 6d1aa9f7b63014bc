//! An archive of several unrelated events, made by the bench's story generator (each story is
//! the five seed articles with story-specific names and figures), through the real `compare`:
//! no group may hold claims of two stories, and each story has exactly its one conflict, the
//! investor rank.

use clap::Parser;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("claims-dev-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn facts_of_different_events_never_share_a_group() {
    let tmp = TempDir::new("events");
    let archive = tmp.0.join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let seeds = claims_dev::stories::read_seeds(&claims_dev::repo_root().join("corpus")).unwrap();
    let stories = 6;
    for story in 0..stories {
        for (name, text) in &seeds {
            let path = archive.join(format!("s{story:05}-{name}"));
            std::fs::write(path, claims_dev::stories::story_article(text, story)).unwrap();
        }
    }
    let config = tmp.0.join("claims.toml");
    std::fs::write(&config, "[corpus]\npaths = [\"archive\"]\n").unwrap();
    let cli = claims::cli::Cli::parse_from([
        "claims".as_ref(),
        "--config".as_ref(),
        config.as_os_str(),
        "compare".as_ref(),
        "--all".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let term = claims::Terminal {
        stdout_tty: false,
        width: None,
        no_color: true,
        progress: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = claims::run(&cli, &term, &mut std::io::empty(), &mut out, &mut err).unwrap();
    assert_eq!(status.code(), 0, "{}", String::from_utf8_lossy(&err));
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let story = |source: &serde_json::Value| {
        source
            .as_str()
            .unwrap()
            .split('-')
            .next()
            .unwrap()
            .to_string()
    };
    let mut conflicts: BTreeMap<String, usize> = BTreeMap::new();
    for g in doc["groups"].as_array().unwrap() {
        let stories_in: BTreeSet<String> =
            g["sources"].as_array().unwrap().iter().map(story).collect();
        assert_eq!(
            stories_in.len(),
            1,
            "group {} spans stories {stories_in:?}",
            g["id"]
        );
        if g["verdict"] == "conflict" {
            *conflicts
                .entry(stories_in.into_iter().next().unwrap())
                .or_default() += 1;
        }
    }
    assert_eq!(
        conflicts.len(),
        stories,
        "stories with a conflict: {conflicts:?}"
    );
    assert!(conflicts.values().all(|&n| n == 1), "{conflicts:?}");
}
