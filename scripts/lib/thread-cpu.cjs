// Preloaded by `pnpm bench` into `coachcode code -j N` (node -r): how much CPU each thread of the
// process used, read from Linux's /proc, so that the bench can say where -j 2's time goes — the
// main thread, the worker thread(s), and V8's own helper threads (its compiler and garbage
// collector, which a -j 1 run already uses beside the main thread). Sampled every 20 ms, because
// a worker's thread is gone by the time the process exits. Written to stderr at exit as one line:
// `thread-cpu {"main":s,"workers":s,"helpers":s}`. Does nothing where /proc is missing.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const TICKS = 100; // USER_HZ: /proc's clock ticks per second
const list = process.env.COACHCODE_THREAD_LIST;

if (fs.existsSync('/proc/thread-self/stat') && list) {
  if (!isMainThread) {
    // A worker thread: say which thread it is (its id in /proc).
    fs.appendFileSync(list, `${fs.readlinkSync('/proc/thread-self').split('/').pop()}\n`);
  } else {
    const used = new Map();
    const sample = () => {
      for (const tid of fs.readdirSync('/proc/self/task')) {
        try {
          const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          used.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS);
        } catch {
          // the thread ended between the listing and the read
        }
      }
    };
    setInterval(sample, 20).unref();
    process.on('exit', () => {
      sample();
      const workers = new Set(fs.readFileSync(list, 'utf8').split('\n').filter(Boolean));
      const sum = { main: 0, workers: 0, helpers: 0 };
      for (const [tid, s] of used) {
        if (tid === String(process.pid)) sum.main += s;
        else if (workers.has(tid)) sum.workers += s;
        else sum.helpers += s;
      }
      process.stderr.write(`thread-cpu ${JSON.stringify(sum)}\n`);
    });
  }
}
