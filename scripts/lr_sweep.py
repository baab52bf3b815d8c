# Learning-rate sweep driven from Python (GraalPy) through Catapult.
#   ./catapult run scripts/lr_sweep.py
#
# Gradient descent on the linear (tangent-kernel) model of a wide network, with the loss
# L = 1/n |f - y|^2, moves the residual r = f - y exactly as r_{t+1} = (I - 2 lr/n K) r_t, where K
# is the network's NTK at initialization (thesis Ch. 2-4). It converges for every lr below the
# critical rate n / lambda_max(K) and diverges above it: a linear model has no catapult phase.
# Catapult builds the network, the kernel and the critical rate; Python picks the learning rates
# and prints the table.
import math

catapult.eval('''
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
let r0 = net(data.x) - data.y

# losses of `steps` GD steps of the linear model at learning rate lr
fn linear_gd(lr, steps) {
  let r = r0
  let losses = [mean(r^2)]
  for t in 1..steps {
    r = r - (2 * lr / data.n) * (K @ r)
    losses = append(losses, mean(r^2))
  }
  losses
}
''', "lr_sweep.cat")

crit = catapult.get("crit")
lam_max = catapult.call("eigs", catapult.get("K"), 1)[0]
print(f"critical lr n/lambda_max = {crit:.4g}  (lambda_max = {lam_max:.4g}, n = 32)")
print(f"{'lr':>10} {'lr/crit':>8} {'loss_0':>10} {'loss_100':>12}  outcome")

outcomes = {}
for ratio in [0.25, 0.5, 0.9, 0.99, 1.01, 1.1, 1.5]:
    losses = catapult.call("linear_gd", ratio * crit, 100)
    final = losses[-1]
    diverged = not math.isfinite(final) or final > losses[0]
    outcomes[ratio] = diverged
    print(f"{ratio * crit:10.4g} {ratio:8.2f} {losses[0]:10.4g} {final:12.4g}  {'diverged' if diverged else 'converged'}")

assert not any(d for r, d in outcomes.items() if r < 1), "GD on the linear model converges below the critical lr"
assert all(d for r, d in outcomes.items() if r > 1), "GD on the linear model diverges above the critical lr"
