-- Test mode only (issue 30): how far the clock was moved forward, so that every process of one test deployment
-- (`make cluster-test`: three behind nginx) reads the same time. One row at most; empty outside test mode.
CREATE TABLE test_clock (
    id             BIGINT PRIMARY KEY CHECK (id = 1),
    offset_seconds BIGINT NOT NULL
);
