//! Work on threads with results in a fixed order: the one way the crate spreads independent
//! items (sources to extract, events and components to cluster) over cores, so that output never
//! depends on the thread count.

/// `f` over `items` on up to `threads` threads (this one and scoped helpers), results in the
/// order of `items`. Threads take the next unclaimed item as they finish the last (one long
/// article does not hold up the rest), and each result goes to its item's slot, so the output
/// does not depend on which thread did what. With one thread or one item, no thread is spawned;
/// when the system refuses a thread (a process limit, `-j 400`), the run goes on with those it
/// has, down to this thread alone. A panic in `f` is re-raised here, as it would be without
/// threads.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = threads.min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(workers - 1);
        for _ in 1..workers {
            match std::thread::Builder::new().spawn_scoped(scope, work) {
                Ok(handle) => handles.push(handle),
                // No more threads to be had: the ones running (and this one) do the rest.
                Err(_) => break,
            }
        }
        let mut results = vec![work()];
        for handle in handles {
            match handle.join() {
                Ok(done) => results.push(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, r) in results.into_iter().flatten() {
            slots[i] = Some(r);
        }
    });
    // Every index below items.len() was claimed by exactly one thread, which filled its slot.
    slots.into_iter().flatten().collect()
}

/// [`parallel_map`] of items `f` takes whole (each is taken by the thread that maps it).
pub fn parallel_map_owned<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    use std::sync::{Mutex, PoisonError};
    if threads.min(items.len()) <= 1 {
        return items.into_iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let taken = parallel_map(&slots, threads, |slot| {
        let item = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
        item.map(&f)
    });
    // Each slot is taken once, by the one thread that claimed its index.
    taken.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::{parallel_map, parallel_map_owned};

    #[test]
    fn parallel_map_keeps_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..200).collect();
        // Uneven work so threads finish out of order.
        let work = |&n: &u64| (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_mul(31) ^ b);
        let want: Vec<u64> = items.iter().map(work).collect();
        for threads in [0, 1, 2, 3, 8, 500] {
            assert_eq!(
                parallel_map(&items, threads, work),
                want,
                "{threads} threads"
            );
        }
        assert!(parallel_map(&[] as &[u64], 4, work).is_empty());
    }

    #[test]
    fn parallel_map_owned_takes_each_item_once_in_order() {
        let items: Vec<String> = (0..100).map(|n| format!("item {n}")).collect();
        for threads in [1, 2, 8] {
            let lens = parallel_map_owned(items.clone(), threads, |s: String| s.into_bytes());
            let want: Vec<Vec<u8>> = items.iter().map(|s| s.clone().into_bytes()).collect();
            assert_eq!(lens, want, "{threads} threads");
        }
    }
}
