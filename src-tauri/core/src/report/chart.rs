//! Line and bar charts drawn with vector lines and rectangles: sharp at any zoom and in print,
//! and the labels stay text a reader can search and copy.

use super::model::{Chart, ChartKind};
use super::page::{fit, Op, Pages, Rgb, ACCENT, INK, LEFT, MUTED, RULE, WIDTH};
use std::borrow::Cow;

/// The whole chart, title to axis labels: it is never split across pages.
pub(crate) const HEIGHT: f32 = 214.0;
const PLOT_H: f32 = 160.0;
const AXIS_W: f32 = 34.0;
const LABEL: f32 = 7.0;
const BAR: Rgb = (74, 128, 184);

pub(crate) fn chart<'a>(pages: &mut Pages<'a>, chart: &'a Chart) {
    pages.gap(10.0);
    pages.ensure(HEIGHT);
    let top = pages.y;
    let title = fit(pages.fonts, true, &chart.title, 10.0, WIDTH);
    pages.text(LEFT, top + 11.0, 10.0, true, INK, title);
    let plot_top = top + 24.0;
    let plot_bottom = plot_top + PLOT_H;
    let plot_left = LEFT + AXIS_W;
    let plot_w = WIDTH - AXIS_W;
    let y_max = if chart.y_max.is_finite() && chart.y_max > 0.0 {
        chart.y_max
    } else {
        100.0
    };
    let y_of = |v: f32| {
        let v = if v.is_finite() {
            v.clamp(0.0, y_max)
        } else {
            0.0
        };
        plot_bottom - PLOT_H * v / y_max
    };

    // Grid and y axis: from 0 to the maximum in steps that are whole numbers when they can be.
    let steps = [4, 5, 3, 6]
        .into_iter()
        .find(|&n| ((y_max / n as f32) - (y_max / n as f32).round()).abs() < 1e-3)
        .unwrap_or(4);
    for step in 0..=steps {
        let value = y_max * step as f32 / steps as f32;
        let y = y_of(value);
        let color = if step == 0 { MUTED } else { RULE };
        pages.line((plot_left, y), (plot_left + plot_w, y), color, 0.5);
        let text = Cow::Owned(number(value));
        let tw = pages.fonts.regular.width(&text, LABEL);
        pages.text(
            plot_left - 5.0 - tw,
            y + LABEL * 0.35,
            LABEL,
            false,
            MUTED,
            text,
        );
    }
    pages.line((plot_left, plot_top), (plot_left, plot_bottom), MUTED, 0.5);

    let n = chart.points.len();
    if n > 0 {
        let slot = plot_w / n as f32;
        // Labels every `every` points when the slots are too narrow for each one.
        let every = ((28.0 / slot).ceil() as usize).max(1);
        let centre = |i: usize| plot_left + slot * (i as f32 + 0.5);
        let mut points = Vec::with_capacity(n);
        for (i, (label, value)) in chart.points.iter().enumerate() {
            let (x, y) = (centre(i), y_of(*value));
            if chart.kind == ChartKind::Bar {
                let bw = (slot * 0.6).min(40.0);
                pages.rect((x - bw / 2.0, y, bw, plot_bottom - y), Some(BAR), None);
            }
            points.push((x, y));
            if i % every == 0 {
                let room = slot * every as f32 - 4.0;
                let text = fit(pages.fonts, false, label, LABEL, room);
                let tw = pages.fonts.regular.width(&text, LABEL);
                pages.text(x - tw / 2.0, plot_bottom + 11.0, LABEL, false, MUTED, text);
            }
            if n <= 24 {
                let text = Cow::Owned(number(if value.is_finite() { *value } else { 0.0 }));
                let tw = pages.fonts.bold.width(&text, LABEL);
                pages.text(x - tw / 2.0, y - 5.0, LABEL, true, INK, text);
            }
        }
        if chart.kind == ChartKind::Line {
            let dots: Vec<_> = points
                .iter()
                .map(|&(x, y)| Op::Dot {
                    x,
                    y,
                    r: 2.2,
                    color: ACCENT,
                })
                .collect();
            pages.push(Op::Polyline {
                points,
                color: ACCENT,
                width: 1.4,
            });
            for dot in dots {
                pages.push(dot);
            }
        }
    }
    pages.y = top + HEIGHT;
}

/// A value as a label: whole numbers without decimals, others with one.
fn number(v: f32) -> String {
    if (v - v.round()).abs() < 0.05 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}
