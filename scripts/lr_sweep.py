# Learning-rate sweep driven from Python (GraalPy) through Catapult.
#   ./catapult run scripts/lr_sweep.py
#
# Gradient descent on a wide two-layer ReLU network and on its linear (tangent-kernel) model, at
# learning rates measured in units of the critical rate eta_crit = 2 / lambda_max(K) (loss
# L = 1/2 sum (f - y)^2, thesis Ch. 3). Below eta_crit both decrease the loss monotonically.
# Above it the linear model must diverge (its kernel is fixed, so the top eigendirection grows by
# |1 - eta lambda_max| > 1 every step), while the network catapults: the loss spikes, the top
# kernel eigenvalue drops until eta lambda_max < 2, and the loss then falls. Far above it the
# network diverges too. Catapult does the training; Python picks the rates, reads the runs (dicts
# of series) and prints the table.
import math

catapult.eval('''
arch two_layer(width = 1024) {
  let x = input(1)
  output(dense(relu(dense(x, width)), 1))
}
let data = mixture(64, d: 1, means: [-2, 2], std: 1, labels: [-1, 1], seed: 0)
let net = init(two_layer(), seed: 0)
let eta = critical_lr(net, data, loss: "half_sse")
''', "lr_sweep.cat")

eta = catapult.get("eta")
print(f"critical lr 2/lambda_max = {eta:.4g}")
print(f"{'lr/crit':>7}  {'model':<7} {'peak/L0':>9} {'final L':>10} {'lam_1 t=0':>10} {'lam_1 end':>10}  outcome")


def sweep_point(ratio, model):
    run = catapult.call("train", catapult.call("copy", catapult.get("net")) if model == "network"
                        else catapult.eval("linear(net)"),
                        catapult.get("data"), catapult.call("gd", ratio * eta), steps=100, loss="half_sse",
                        track=[catapult.call("ntk_eigs", 1)], every=10)
    loss = run.loss
    lam = [row[0] for row in run.ntk_eigs]
    if run.diverged:
        outcome = f"diverged at step {run.diverged_at}"
    elif run.catapults:
        outcome = "catapult"
    else:
        outcome = "monotone" if max(loss) <= loss[0] * 1.0001 else "rise"
    peak = max(x for x in loss if math.isfinite(x)) / loss[0]
    print(f"{ratio:7.2f}  {model:<7} {peak:9.3g} {loss[-1]:10.3g} {lam[0]:10.4g} {lam[-1]:10.4g}  {outcome}")
    return outcome, lam


outcomes = {}
for ratio in [0.5, 0.9, 1.5, 3.0, 12.0]:
    for model in ["network", "linear"]:
        outcomes[(ratio, model)] = sweep_point(ratio, model)

assert outcomes[(0.5, "network")][0] == "monotone" and outcomes[(0.9, "linear")][0] == "monotone"
assert outcomes[(1.5, "linear")][0].startswith("diverged"), "a linear model cannot catapult"
assert outcomes[(1.5, "network")][0] == "catapult", "the wide network catapults just above the critical lr"
lam = outcomes[(1.5, "network")][1]
assert lam[-1] < lam[0], "the catapult lowers the top kernel eigenvalue"
assert outcomes[(12.0, "network")][0].startswith("diverged"), "far above the critical lr the network diverges"
