#pragma once
extern int events;
void log_event();
