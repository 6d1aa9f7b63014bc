//! `claims schema`: print the JSON Schema of the compare/export document.

use super::{Ctx, Failure};
use crate::error::ExitStatus;
use crate::report::wire::SCHEMA;

/// Write the schema, as committed in `schemas/`, to stdout.
pub(crate) fn run(ctx: &mut Ctx) -> Result<ExitStatus, Failure> {
    ctx.out.write_all(SCHEMA.as_bytes())?;
    Ok(ExitStatus::Success)
}
