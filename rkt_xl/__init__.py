"""rkt_xl — Rencana Kinerja Tahunan (RKT) in Excel: validate, compute, print."""

__version__ = "0.1.0"
