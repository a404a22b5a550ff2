// A reader thread that dies at once, as one killed by running out of memory would.
process.exit(3);
