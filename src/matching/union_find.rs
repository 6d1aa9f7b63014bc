//! Union-find with path compression: the one forest both event clustering and claim
//! clustering use for their connected components.

/// The root of `x` in the union-find forest `parent`, compressing the path to it.
pub(super) fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}
