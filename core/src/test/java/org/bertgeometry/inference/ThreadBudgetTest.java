package org.bertgeometry.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The share of the cores that concurrent model runs get. */
class ThreadBudgetTest {

    @Test
    void aRunAloneGetsEveryCoreAndConcurrentRunsShareThem() {
        ThreadBudget budget = new ThreadBudget(8);
        try (ThreadBudget.Lease first = budget.acquire(0)) {
            assertEquals(8, first.threads());
            try (ThreadBudget.Lease second = budget.acquire(0); ThreadBudget.Lease third = budget.acquire(0)) {
                assertEquals(4, second.threads());
                assertEquals(2, third.threads(), "8 cores / 3 runs, rounded down");
            }
            // the two later runs ended: a new one shares with the first only
            try (ThreadBudget.Lease again = budget.acquire(0)) {
                assertEquals(4, again.threads());
            }
        }
    }

    @Test
    void neverLessThanOneThreadAndExplicitCountsAreKept() {
        ThreadBudget budget = new ThreadBudget(2);
        try (ThreadBudget.Lease a = budget.acquire(0); ThreadBudget.Lease b = budget.acquire(0);
                ThreadBudget.Lease c = budget.acquire(0); ThreadBudget.Lease d = budget.acquire(3)) {
            assertEquals(2, a.threads());
            assertEquals(1, b.threads());
            assertEquals(1, c.threads(), "2 cores / 3 runs rounds to 0; at least one thread");
            assertEquals(3, d.threads());
        }
    }

    @Test
    void closingTwiceReleasesOnce() {
        ThreadBudget budget = new ThreadBudget(4);
        ThreadBudget.Lease held = budget.acquire(0);
        ThreadBudget.Lease closedTwice = budget.acquire(0);
        closedTwice.close();
        closedTwice.close();
        assertEquals(2, budget.acquire(0).threads(), "two runs active: the held one and this one");
        held.close();
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadBudget(0));
        assertThrows(IllegalArgumentException.class, () -> new ThreadBudget(2).acquire(-1));
    }
}
