# attack: schedule asyncio callbacks and tasks that fire after the program ends, hoping to land in the next
# run's output
# expect: contained ok
import asyncio
async def later():
    await asyncio.sleep(0.5)
    print("late task from a previous run")
loop = asyncio.get_event_loop()
loop.call_later(0.2, print, "late callback from a previous run")
loop.call_soon(print, "soon callback from a previous run")
task = asyncio.ensure_future(later())
print("scheduled")
