// tilegen writes the recorded tile series of a fleet of SLAs straight into Prometheus TSDB blocks:
// sla:sli_errors:tile5m / sla:sli_events:tile5m on the 5-minute grid and sla:sli_errors:tile1h /
// sla:sli_events:tile1h on the hour, labelled {sla_namespace, sla, objective, service} as the
// generated rules record them. A quarter for 10,000 SLAs is about a billion samples, far too much
// for OpenMetrics and promtool, so the blocks are written with the tsdb package itself.
//
// Blocks are cut on 486h boundaries (Prometheus' largest default block range), one per range, so
// the server that loads them has nothing to compact. Values are rates per second (a tile at t
// stands for [t-5m, t)); the hourly tile is the mean of its twelve 5-minute tiles.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/storage"
	"github.com/prometheus/prometheus/tsdb"
)

const (
	tile5m     = int64(5 * 60 * 1000)
	tile1h     = int64(60 * 60 * 1000)
	blockRange = int64(486 * 60 * 60 * 1000)
	day        = int64(24 * 60 * 60 * 1000)
)

type objective struct {
	name      string
	errorRate float64
}

type series struct {
	errors5m, events5m, errors1h, events1h labels.Labels
	events                                 float64
	errorRate                              float64
	seed                                   uint64
}

// mix is splitmix64: a deterministic pseudo-random value per (series, time).
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func unit(x uint64) float64 { return float64(mix(x)>>11) / float64(1<<53) }

// rates of a 5-minute tile ending at t: diurnal traffic with noise, errors at the objective's
// usual rate, and an incident (20% errors) in about one tile in 2,000.
func rates(s *series, t int64) (float64, float64) {
	phase := float64(t%day) / float64(day)
	events := s.events * (1 + 0.4*math.Sin(2*math.Pi*phase)) * (0.9 + 0.2*unit(s.seed^uint64(t)))
	ratio := s.errorRate
	if unit(s.seed^uint64(t)^0x5bd1e995) < 0.0005 {
		ratio = 0.2
	}
	return math.Round(events*ratio*1000) / 1000, math.Round(events*1000) / 1000
}

func main() {
	out := flag.String("out", "", "folder the blocks are written into")
	slas := flag.Int("slas", 100, "number of SLAs")
	namespaces := flag.Int("namespaces", 10, "SLA i lives in namespace fleet-(i mod namespaces)")
	objectives := flag.String("objectives", "availability:0.0005,latency:0.004", "objective:usual error ratio, comma-separated")
	fromMs := flag.Int64("from", 0, "first 5-minute tile, epoch ms (rounded up to the grid)")
	toMs := flag.Int64("to", 0, "last 5-minute tile, epoch ms (rounded down to the grid)")
	workers := flag.Int("workers", 2, "blocks written at once")
	flag.Parse()
	if *out == "" || *toMs <= *fromMs {
		fmt.Fprintln(os.Stderr, "usage: tilegen -out DIR -slas N -from MS -to MS")
		os.Exit(2)
	}
	var objs []objective
	for _, part := range strings.Split(*objectives, ",") {
		var o objective
		name, ratio, _ := strings.Cut(part, ":")
		o.name = name
		fmt.Sscanf(ratio, "%g", &o.errorRate)
		objs = append(objs, o)
	}
	all := make([]*series, 0, *slas*len(objs))
	for i := 1; i <= *slas; i++ {
		name := fmt.Sprintf("svc-%05d", i)
		namespace := fmt.Sprintf("fleet-%d", i%*namespaces)
		for j, o := range objs {
			base := func(metric string) labels.Labels {
				return labels.FromStrings("__name__", metric, "objective", o.name, "service", name, "sla", name, "sla_namespace", namespace)
			}
			all = append(all, &series{
				errors5m: base("sla:sli_errors:tile5m"), events5m: base("sla:sli_events:tile5m"),
				errors1h: base("sla:sli_errors:tile1h"), events1h: base("sla:sli_events:tile1h"),
				events: 5 + float64(mix(uint64(i*31+j))%200)/10, errorRate: o.errorRate, seed: mix(uint64(i*1000 + j)),
			})
		}
	}
	from := (*fromMs + tile5m - 1) / tile5m * tile5m
	to := *toMs / tile5m * tile5m
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}

	type window struct{ from, to int64 }
	var windows []window
	for start := from / blockRange * blockRange; start <= to; start += blockRange {
		windows = append(windows, window{max(start, from), min(start+blockRange-1, to)})
	}
	began := time.Now()
	var mu sync.Mutex
	var samples int64
	var blocks []string
	jobs := make(chan window)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for win := range jobs {
				id, n, err := writeBlock(*out, all, win.from, win.to)
				if err != nil {
					fail(err)
				}
				mu.Lock()
				samples += n
				blocks = append(blocks, id)
				mu.Unlock()
				fmt.Fprintf(os.Stderr, "block %s: %d samples, %s\n", id, n, time.Since(began).Round(time.Second))
			}
		}()
	}
	for _, win := range windows {
		jobs <- win
	}
	close(jobs)
	wg.Wait()
	summary, _ := json.Marshal(map[string]any{"blocks": blocks, "samples": samples, "series": len(all) * 4, "seconds": time.Since(began).Seconds()})
	fmt.Println(string(summary))
}

// writeBlock writes the tiles in [from, to] (5-minute tiles, and the hourly ones ending in it) as one block.
func writeBlock(out string, all []*series, from, to int64) (string, int64, error) {
	ctx := context.Background()
	w, err := tsdb.NewBlockWriter(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})), out, blockRange)
	if err != nil {
		return "", 0, err
	}
	defer w.Close()
	refs := make([][4]storage.SeriesRef, len(all))
	var n int64
	app := w.Appender(ctx)
	pending := 0
	appendOne := func(ref *storage.SeriesRef, l labels.Labels, t int64, v float64) error {
		r, err := app.Append(*ref, l, t, v)
		*ref = r
		n++
		pending++
		return err
	}
	for t := from; t <= to; t += tile5m {
		hourly := t%tile1h == 0 && t-tile1h+tile5m >= from
		for i, s := range all {
			errors, events := rates(s, t)
			if err := appendOne(&refs[i][0], s.errors5m, t, errors); err != nil {
				return "", 0, err
			}
			if err := appendOne(&refs[i][1], s.events5m, t, events); err != nil {
				return "", 0, err
			}
			if hourly {
				var sumErrors, sumEvents float64
				for k := int64(0); k < 12; k++ {
					e, v := rates(s, t-k*tile5m)
					sumErrors += e
					sumEvents += v
				}
				if err := appendOne(&refs[i][2], s.errors1h, t, sumErrors/12); err != nil {
					return "", 0, err
				}
				if err := appendOne(&refs[i][3], s.events1h, t, sumEvents/12); err != nil {
					return "", 0, err
				}
			}
		}
		if pending > 2_000_000 {
			if err := app.Commit(); err != nil {
				return "", 0, err
			}
			app = w.Appender(ctx)
			pending = 0
		}
	}
	if err := app.Commit(); err != nil {
		return "", 0, err
	}
	id, err := w.Flush(ctx)
	if err != nil {
		return "", 0, err
	}
	return id.String(), n, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tilegen:", err)
	os.Exit(1)
}
