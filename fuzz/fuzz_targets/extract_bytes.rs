#![no_main]
use claims::extract::{Context, extract};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = claims::source::decode(data) {
        let claims = extract(&text, &Context::default());
        check::check(&text, &claims);
    }
});
