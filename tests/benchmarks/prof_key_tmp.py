import sys, json, cProfile, pstats, time
from pathlib import Path
from interact import Typist, _wait_loaded, _wait_quiet, _key_for
from rxcombo.app.startup import Launcher, make_application
app = make_application([sys.argv[0]])
launcher = Launcher(Path(sys.argv[1])); launcher.launch()
_wait_loaded(app, launcher, 900)
window = launcher.window; window.resize(1100, 720); app.processEvents(); _wait_quiet(app)
t = Typist(app, window)
t.clear()
for ch in sys.argv[2]:
    t.key(_key_for(ch), ch)
pr = cProfile.Profile()
pr.enable()
for ch in sys.argv[3]:
    print(t.key(_key_for(ch), ch))
pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(30)
