//! Quality measurement: precision and recall of the extractor against a hand annotation (the
//! gold file) and the pass rate on a peer's test specs. Used by the `claims-eval` binary and by
//! the floors the test suite gates.
