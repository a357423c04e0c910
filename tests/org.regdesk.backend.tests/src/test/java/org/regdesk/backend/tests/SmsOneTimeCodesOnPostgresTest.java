package org.regdesk.backend.tests;

/** {@link SmsOneTimeCodesTest} on PostgreSQL, the database a cluster of nodes shares. */
class SmsOneTimeCodesOnPostgresTest extends SmsOneTimeCodesTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
