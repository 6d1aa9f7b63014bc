#![no_main]
use claims::calendar::Ymd;
use claims::extract::{Context, extract};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let claims = extract(text, &Context::default());
    check::check(text, &claims);
    let ctx = Context {
        published: Some(Ymd::new(2023, 10, 13).unwrap()),
        ..Context::default()
    };
    let claims = extract(text, &ctx);
    check::check(text, &claims);
});
