//! The server's integration tests, in one test binary: each file below is a module. One binary
//! links the portal once, where a binary per file linked it thirteen times (the largest part of
//! building the tests). nextest still runs every test in a process of its own.

mod support;

mod back_office;
mod backup;
mod certification;
mod espaces;
mod foundation;
mod hardening;
mod paths;
mod retention;
mod s3;
mod shutdown;
mod sign_in;
mod sites;
mod virus_scan;
mod wizard;
