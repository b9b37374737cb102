#!/usr/bin/env python3
"""Classify the collisions of a DynaBARN bench run (`bench ... --keep-runs --out DIR`).

Usage: python3 examples/scripts/dynabarn_collisions.py DIR [DIR ...]   (needs numpy)

For every episode of DIR/results.csv that ended in a collision, reads its run directory (trajectory.csv: the true
pose; estimate.csv: the odometry pose; obstacles.csv: the true discs; tracks.csv: what the planner was told, in the
odometry frame) and prints one line: time of contact t [s], robot x [m], robot speed v and 1 s before [m/s], the
hit disc's bearing from the heading [deg], the closing speeds along the line of centres of the robot (rc) and of
the disc (dc) [m/s], the disc's speed [m/s], in how many of the last 20 cycles a track lay within 0.6 m of it, the
error of the track's constant-velocity prediction (speed clipped at 2 m/s, as the critic's) to the time of contact,
made 0.5 s and 1 s before, the same for the disc's true velocity (a 0.1 s difference), and for how long before
contact the disc had been tracked (gaps of up to 3 cycles allowed, at most 3 s). Then the classes, in this order:

  wall           a collision with the static map (the disc columns then describe the nearest disc)
  start          contact within the first 1.6 s (DynaBARN's heap of discs next to the start)
  untracked      the disc had a track in fewer than 10 of the last 20 cycles
  young          tracked for less than 1 s before contact
  mispredicted   tracked, but the track's prediction was off by > 0.3 m over 0.5 s or > 0.6 m over 1 s:
                 'disc turns' if the true velocity's prediction was off as much, else 'track velocity'
  stopped        robot slower than 0.3 m/s
  planner        the rest: tracked, predicted, moving; 'hit by' when the disc closed faster than the robot,
                 else 'drove into'
With --perception map (the oracle) tracks.csv holds the true discs, so only the last three classes are meaningful.
"""
import collections
import csv
import glob
import json
import math
import os
import sys

import numpy as np

CLIP = 2.0  # the critic's prediction speed clip [m/s] (critics.dynamicObstacle.maxSpeed)


def rows(path):
    if not os.path.exists(path):
        path += '.partial'
    with open(path) as f:
        r = csv.reader(f)
        next(r)
        return list(r)


def predicted(px, py, vx, vy, tau):
    s = math.hypot(vx, vy)
    f = min(1.0, CLIP / s) if s > 0 else 1.0
    return px + f * vx * tau, py + f * vy * tau


def analyse(rd):
    traj = np.array([[float(v) for v in r] for r in rows(rd + '/trajectory.csv')])
    est = {int(r[0]): [float(v) for v in r[1:]] for r in rows(rd + '/estimate.csv')}
    obs = collections.defaultdict(dict)  # cycle -> id -> (t, x, y, r)
    for r in rows(rd + '/obstacles.csv'):
        obs[int(r[0])][int(r[2])] = (float(r[1]), float(r[3]), float(r[4]), float(r[5]))
    tracks = collections.defaultdict(list)
    for r in rows(rd + '/tracks.csv'):
        tracks[int(r[0])].append([float(v) for v in r[1:]])
    last = max(obs)
    t_end, x, y, th, v = traj[-1, :5]
    # obstacles.csv and tracks.csv carry world time, trajectory.csv robot time: they differ by --t0 (meta.json)
    try:
        with open(rd + '/meta.json') as f:
            t0 = float(json.load(f).get('t0_s', 0.0))
    except (OSError, ValueError):
        t0 = 0.0

    def pose_at(t):
        """The true pose at world time t."""
        return traj[min(int(np.searchsorted(traj[:, 0], t - t0 - 1e-9)), len(traj) - 1)]

    did = min(obs[last], key=lambda i: math.hypot(obs[last][i][1] - x, obs[last][i][2] - y) - obs[last][i][3])
    hit = obs[last][did]
    prev = obs.get(last - 2, {}).get(did, hit)
    dtv = hit[0] - prev[0]
    vdx, vdy = ((hit[1] - prev[1]) / dtv, (hit[2] - prev[2]) / dtv) if dtv > 0 else (0.0, 0.0)
    if math.hypot(vdx, vdy) > 5:  # a loop-end jump
        vdx = vdy = 0.0
    nx, ny = hit[1] - x, hit[2] - y
    nn = math.hypot(nx, ny)
    nx, ny = nx / nn, ny / nn
    robot_close = v * (math.cos(th) * nx + math.sin(th) * ny)
    disc_close = -(vdx * nx + vdy * ny)
    bearing = (math.degrees(math.atan2(ny, nx) - th) + 180) % 360 - 180

    def track_of(c):
        """The track within 0.6 m of the hit disc at cycle c, in the true frame: (x, y, vx, vy), or None."""
        d, e = obs.get(c, {}).get(did), est.get(c)
        if d is None or e is None:
            return None
        p = pose_at(d[0])
        co, si = math.cos(p[3] - e[2]), math.sin(p[3] - e[2])
        best = None
        for tr in tracks.get(c, []):
            ex, ey = tr[2] - e[0], tr[3] - e[1]
            wx, wy = p[1] + co * ex - si * ey, p[2] + si * ex + co * ey
            dd = math.hypot(wx - d[1], wy - d[2])
            if dd < 0.6 and (best is None or dd < best[0]):
                best = (dd, wx, wy, co * tr[4] - si * tr[5], si * tr[4] + co * tr[5])
        return best[1:] if best else None

    seen = [(c, track_of(c) is not None) for c in range(max(0, last - 60), last + 1)]
    n20 = sum(ok for _, ok in seen[-20:])
    first, gap = None, 0
    for c, ok in reversed(seen):
        if ok:
            first, gap = c, 0
        else:
            gap += 1
            if gap > 3:
                break
    tracked_for = t_end + t0 - obs[first][did][0] if first is not None and did in obs[first] else 0.0
    err = {}
    for tau in (0.5, 1.0):
        c = last - int(round(tau / 0.05))
        tr = track_of(c)
        if tr:
            qx, qy = predicted(tr[0], tr[1], tr[2], tr[3], tau)
            err[tau] = math.hypot(qx - hit[1], qy - hit[2])
        d, q = obs.get(c, {}).get(did), obs.get(c - 2, {}).get(did)
        if d and q and d[0] > q[0]:
            tvx, tvy = (d[1] - q[1]) / (d[0] - q[0]), (d[2] - q[2]) / (d[0] - q[0])
            if math.hypot(tvx, tvy) < 5:
                qx, qy = predicted(d[1], d[2], tvx, tvy, tau)
                err['true', tau] = math.hypot(qx - hit[1], qy - hit[2])
    return dict(t=t_end, x=x, v=v, v1=pose_at(t_end + t0 - 1.0)[4], bearing=bearing, rc=robot_close, dc=disc_close,
                ds=math.hypot(vdx, vdy), n20=n20, tracked_for=tracked_for, err=err)


def classify(a):
    off = lambda e05, e1: (e05 is not None and e05 > 0.3) or (e1 is not None and e1 > 0.6)
    if a['t'] < 1.6:
        return 'start'
    if a['n20'] < 10:
        return 'untracked'
    if a['tracked_for'] < 1.0:
        return 'young'
    if off(a['err'].get(0.5), a['err'].get(1.0)):
        turns = off(a['err'].get(('true', 0.5)), a['err'].get(('true', 1.0)))
        return 'mispredicted: ' + ('disc turns' if turns else 'track velocity')
    if a['v'] < 0.3:
        return 'stopped'
    return 'planner: ' + ('hit by' if a['dc'] > a['rc'] else 'drove into')


def main(dirs):
    for out in dirs:
        classes = collections.Counter()
        cuts = collections.Counter()
        for r in csv.DictReader(open(out + '/results.csv')):
            if r['outcome'] != 'collision':
                continue
            runs = glob.glob('%s/runs/%s_*_s%s' % (out, r['world'].replace(':', '_'), r['seed']))
            if not runs:
                continue
            a = analyse(runs[0])
            k = 'wall' if r['collision_with'] == 'static' else classify(a)
            classes[k] += 1
            cuts['robot > 1.5 m/s'] += int(a['v'] > 1.5)
            cuts['disc > 2 m/s (the clip)'] += a['ds'] > CLIP
            cuts['from the side (45-135 deg)'] += 45 <= abs(a['bearing']) <= 135
            cuts['with ' + r['collision_with']] += 1
            e = lambda key: '%5.2f' % a['err'][key] if key in a['err'] else '    -'
            print('%-12s rep %s t=%5.1f x=%5.1f v=%5.2f v-1s=%5.2f bearing=%5.0f rc=%5.2f dc=%5.2f disc=%4.2f '
                  'tracked %2d/20 for %4.2f s  err %s %s true %s %s  %s' % (
                      r['world'], r['seed'], a['t'], a['x'], a['v'], a['v1'], a['bearing'], a['rc'], a['dc'],
                      a['ds'], a['n20'], a['tracked_for'], e(0.5), e(1.0), e(('true', 0.5)), e(('true', 1.0)), k))
        print(out, 'collisions', sum(classes.values()), dict(sorted(classes.items())), dict(sorted(cuts.items())))


if __name__ == '__main__':
    main(sys.argv[1:])
