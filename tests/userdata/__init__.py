"""Tests of rxcombo.userdata (a package, so its file names may recur elsewhere in tests/)."""
