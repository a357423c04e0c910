package org.regdesk.backend.tests;

/** {@link ConcurrentLimitsTest} on PostgreSQL: the limits are rows every node of a cluster counts in. */
class ConcurrentLimitsOnPostgresTest extends ConcurrentLimitsTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
