// A learning-rate schedule written in JavaScript (GraalJS), used by Catapult at every step.
//   ./catapult run scripts/schedule.js
//
// Catapult builds a wide network, its tangent kernel K and critical rate crit = n / lambda_max(K);
// the first schedule below warms up linearly to 0.95 crit and then decays with a cosine. Catapult
// calls the JS function once per step of gradient descent on the linear model
// (r <- (I - 2 lr/n K) r, exact for L = 1/n |f - y|^2), as it calls any lr schedule. The second
// schedule holds 1.3 crit for 15 steps: the loss grows along the top eigendirection of K by
// (1 - 2 * 1.3)^2 per step and only comes back down once the rate drops to crit / 2, which
// removes that direction in one step. The linear model has no catapult of its own: it must be
// rescued by the schedule.

catapult.eval(`
precision(64)
arch fcn2(width = 512) {
  let x = input(5)
  let h = relu(dense(x, width))
  output(dense(h, 1))
}
let data = regress(randn(32, 5, seed: 0), "rank2")
let net = init(fcn2(), seed: 0)
let K = ntk(linear(net), data)
let crit = critical_lr(linear(net), data)

# GD on the linear model with lr = schedule(t); returns the loss after every step
fn linear_gd(schedule, steps) {
  let r = net(data.x) - data.y
  let losses = [mean(r^2)]
  for t in 0..steps - 1 {
    r = r - (2 * schedule(t) / data.n) * (K @ r)
    losses = append(losses, mean(r^2))
  }
  losses
}
`, "schedule.cat");

const crit = catapult.get("crit");
const steps = 60;

// warm up for 10 steps to `peak` (a multiple of crit), then cosine-decay to zero
const warmupCosine = (peak) => (t) => t < 10
  ? peak * crit * (t + 1) / 10
  : 0.5 * peak * crit * (1 + Math.cos(Math.PI * (t - 10) / (steps - 10)));
// `high` x crit for the first `until` steps, then crit / 2
const overshoot = (high, until) => (t) => (t < until ? high : 0.5) * crit;

function report(name, losses) {
  const every = [0, 10, 20, 30, 40, 50, 60].map((t) => losses[t].toPrecision(3).padStart(10));
  console.log(name.padEnd(22) + every.join(""));
  return losses;
}

console.log(`critical lr = ${crit.toPrecision(4)}`);
console.log("schedule".padEnd(22) + [0, 10, 20, 30, 40, 50, 60].map((t) => `t=${t}`.padStart(10)).join(""));
const safe = report("warmup 0.95 crit", catapult.call("linear_gd", warmupCosine(0.95), steps));
const over = report("1.3 crit, then 0.5", catapult.call("linear_gd", overshoot(1.3, 15), steps));

const peak = Math.max(...over);
if (!(safe[steps] < safe[0])) throw new Error("the schedule below crit should decrease the loss");
if (!(peak > over[0])) throw new Error("overshooting crit should raise the loss before the decay rescues it");
console.log(`overshoot: loss peaked at ${peak.toPrecision(3)} before recovering to ${over[steps].toPrecision(3)}`);
