// Learning-rate schedules written in JavaScript (GraalJS) and used by Catapult's trainer.
//   ./catapult run scripts/schedule.js
//
// A wide two-layer ReLU network on a two-class mixture, trained by gradient descent with
// L = 1/2 sum (f - y)^2, whose critical rate is eta_crit = 2 / lambda_max(K) (thesis Ch. 3).
// Each schedule is a JS function of the step t; Catapult calls it at every step, exactly as it
// calls a .cat lambda or a built-in schedule. "warm-cosine" warms up to 0.9 eta_crit and decays:
// the loss falls monotonically. "catapult-anneal" opens at 1.6 eta_crit for 40 steps, which sets
// off a catapult (the loss spikes while the top kernel eigenvalue drops until the step is stable
// again), then anneals to 0.5 eta_crit.

catapult.eval(`
arch two_layer(width = 1024) {
  let x = input(1)
  output(dense(relu(dense(x, width)), 1))
}
let data = mixture(64, d: 1, means: [-2, 2], std: 1, labels: [-1, 1], seed: 0)
let net = init(two_layer(), seed: 0)
let eta = critical_lr(net, data, loss: "half_sse")
`, "schedule.cat");

const eta = catapult.get("eta");
const steps = 120;
const schedules = {
  "warm-cosine": (t) => t < 10
    ? 0.9 * eta * (t + 1) / 10
    : 0.45 * eta * (1 + Math.cos(Math.PI * (t - 10) / (steps - 10))),
  "catapult-anneal": (t) => (t < 40 ? 1.6 : 0.5) * eta,
};

const checkpoints = [0, 5, 10, 20, 40, 80, 120];
console.log(`critical lr = ${eta.toPrecision(4)}`);
console.log("schedule".padEnd(17) + checkpoints.map((t) => `L(${t})`.padStart(10)).join("") + "   lam_1: start -> end");

const runs = {};
for (const [name, schedule] of Object.entries(schedules)) {
  const run = catapult.call("train", catapult.call("copy", catapult.get("net")), catapult.get("data"),
    catapult.call("gd", schedule),
    catapult.named({steps, loss: "half_sse", track: [catapult.call("ntk_eigs", 1)], every: 10}));
  const lam = run.ntk_eigs.map((row) => row[0]);
  console.log(name.padEnd(17) + checkpoints.map((t) => run.loss[t].toPrecision(3).padStart(10)).join("")
    + `   ${lam[0].toPrecision(4)} -> ${lam[lam.length - 1].toPrecision(4)}`);
  runs[name] = {run, lam};
}

const check = (ok, message) => { if (!ok) throw new Error(message); };
const smooth = runs["warm-cosine"], jump = runs["catapult-anneal"];
check(Math.abs(jump.run.lr[0] - 1.6 * eta) < 1e-6 * eta && Math.abs(jump.run.lr[50] - 0.5 * eta) < 1e-6 * eta,
  "the trainer should follow the JS schedule");
check(smooth.run.catapults.length === 0 && Math.max(...smooth.run.loss) <= smooth.run.loss[0] * 1.0001,
  "below the critical rate the loss should fall monotonically");
check(jump.run.catapults.length >= 1, "1.6 x the critical rate should set off a catapult");
check(jump.lam[jump.lam.length - 1] < jump.lam[0], "the catapult should lower the top kernel eigenvalue");
const c = jump.run.catapults[0];
console.log(`catapult: steps ${c.start}..${c.end}, peak loss ${c.ratio.toPrecision(3)} x the loss where it started`);
