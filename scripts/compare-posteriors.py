"""Did a change move the posterior? z of the posterior-mean differences between two sets of runs.

Usage: python3 scripts/compare-posteriors.py OLD1,OLD2,... NEW1,NEW2,...

Each argument is a comma-separated list of bayes-mmm run folders (their chain-*.csv files
are pooled). For every column except the sampler's (name ending in "__") and the pointwise
log likelihood, z = (mean_old - mean_new) / sqrt(mcse_old^2 + mcse_new^2), with each MCSE
from batch means (20 batches per chain). With no real change z is about standard normal:
over ~120 columns the largest |z| is typically 2.5 to 3.2 and the mean z^2 near 1.
A one-off cross-check for speed work that moves the draws' last bits; not part of the
product or its tests.
"""
import sys, numpy as np, glob
def load(d):
    chains=[]
    for f in sorted(glob.glob(f'{d}/chain-*.csv')):
        rows=[l for l in open(f) if not l.startswith('#')]
        names=rows[0].strip().split(',')
        chains.append(np.array([[float(x) for x in r.split(',')] for r in rows[1:]]))
    return names, np.array(chains)
def stats(dirs):
    allc=[]; names=None
    for d in dirs:
        names,c=load(d); allc.append(c)
    c=np.concatenate(allc)  # chains x draws x cols
    mean=c.mean(axis=(0,1))
    b=c.reshape(c.shape[0],20,-1,c.shape[2]).mean(axis=2).reshape(-1,c.shape[2])
    mcse=b.std(axis=0,ddof=1)/np.sqrt(b.shape[0])
    return names,mean,mcse
a=sys.argv[1].split(','); b=sys.argv[2].split(',')
names,m1,s1=stats(a); _,m2,s2=stats(b)
cols=[i for i,n in enumerate(names) if not n.endswith('__') and not n.startswith('log_lik')]
z=np.array([(m1[i]-m2[i])/np.sqrt(s1[i]**2+s2[i]**2) if s1[i]+s2[i]>0 else 0 for i in cols])
print(f'{len(cols)} columns, max |z| {np.abs(z).max():.2f} ({names[cols[int(np.abs(z).argmax())]]}), |z|>3: {(np.abs(z)>3).sum()}, mean z^2 {np.mean(z**2):.2f}')
