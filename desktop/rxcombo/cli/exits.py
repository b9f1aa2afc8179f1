"""The command line's exit codes, in a module of their own so that any command can name
them without importing the others (the window's start imports none of the commands)."""

EXIT_OK = 0
EXIT_PROBLEMS = 1  # problems found, or a notice a script must not take for an answer
EXIT_USAGE = 2
